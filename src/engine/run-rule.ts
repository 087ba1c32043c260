/**
 * Runs one rule over one source and turns what it reports into positioned, masked findings.
 * Shared by the engine and the rule tests, so a rule is tested exactly as it runs.
 */
import type { Finding, ProjectView, ReportDescriptor, Rule, Severity, SourceFile, SourceText } from '../types.js';
import { nodeCrypto } from '../util/builtin.js';
import { withoutSecret } from '../util/quote.js';
import { isPlaceholder } from '../util/placeholders.js';
import type { LineIndex } from '../util/positions.js';
import { asSourceFile } from './source-file.js';

/** A finding before the engine's filters, still carrying its offsets. */
export interface PositionedFinding extends Finding {
  readonly index?: number;
  readonly endIndex?: number;
  /** The finding is about the file as a whole (see ReportDescriptor.wholeFile): no line marker silences it. */
  readonly wholeFile?: boolean;
}

export interface RunRuleInput<Options> {
  readonly rule: Rule<Options>;
  /** The engine's SourceFile; a plain text (a rule test's) is given the views here, with the project's identities. */
  readonly source: SourceText | SourceFile;
  readonly options: Options;
  readonly severity: Severity;
  readonly project: ProjectView;
  /** Salt for finding fingerprints (a baseline's own), or the run's, asked for when a finding names a secret. */
  readonly salt: string | (() => string);
}

export function fingerprintSecret(salt: string, ruleId: string, secret: string): string {
  return nodeCrypto().createHmac('sha256', salt).update(ruleId).update('\0').update(secret).digest('hex');
}

/**
 * Synchronous when the rule's check is: most detectors are, and a whole-repository scan runs every rule on every
 * file, where an await per rule and file (a promise, a microtask, a suspended frame) cost more than most checks.
 */
export function runRule<Options>(input: RunRuleInput<Options>): PositionedFinding[] | Promise<PositionedFinding[]> {
  const { rule, severity } = input;
  const source = asSourceFile(input.source, input.project);
  const lines = source.lines();
  const given = input.salt;
  const salt = typeof given === 'string' ? (): string => given : given;
  const findings: PositionedFinding[] = [];
  const report = (d: ReportDescriptor): void => {
    if (rule.meta.skipsCiphertext && namesPlaceholder(d, source.content)) return;
    const ruleId = d.subRuleId ? `${rule.meta.id}/${d.subRuleId}` : rule.meta.id;
    findings.push(positionFinding(ruleId, d.severity ?? severity, source, d, lines, salt));
  };
  const checking = rule.check(source, { options: input.options, project: input.project, report });
  return checking ? checking.then(() => findings) : findings;
}

/** A secret detector's finding about a stand-in value (`ghp_xxxx...`, `<password>`): the one vocabulary decides. */
function namesPlaceholder(d: ReportDescriptor, content: string): boolean {
  const text = d.secret ?? (d.index !== undefined && d.endIndex !== undefined ? content.slice(d.index, d.endIndex) : undefined);
  return text !== undefined && isPlaceholder(text);
}

function positionFinding(ruleId: string, severity: Severity, source: SourceFile, d: ReportDescriptor, lines: LineIndex, salt: () => string): PositionedFinding {
  const start = d.line !== undefined ? { line: d.line, column: d.column ?? 1 } : d.index !== undefined ? lines.position(d.index) : { line: 1, column: 1 };
  const end = d.line === undefined && d.endIndex !== undefined ? lines.position(d.endIndex) : undefined;
  return {
    ruleId,
    severity,
    path: source.path,
    line: start.line,
    column: start.column,
    ...(end ? { endLine: end.line, endColumn: end.column } : {}),
    message: withoutSecret(d.message, d.secret),
    ...(d.secret ? { fingerprint: fingerprintSecret(salt(), ruleId, d.secret) } : {}),
    ...(source.commit ? { commit: source.commit } : {}),
    ...(d.index !== undefined ? { index: d.index, endIndex: d.endIndex ?? d.index } : {}),
    ...(d.wholeFile || (d.line === undefined && d.index === undefined) ? { wholeFile: true } : {}),
  };
}
