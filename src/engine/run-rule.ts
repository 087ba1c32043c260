/**
 * Runs one rule over one source and turns what it reports into positioned, masked findings.
 * Shared by the engine and the rule tests, so a rule is tested exactly as it runs.
 */
import type { Finding, ProjectView, ReportDescriptor, Rule, Severity, SourceFile } from '../types.js';
import { nodeCrypto } from '../util/builtin.js';
import { withoutSecret } from '../util/quote.js';
import { isPlaceholder } from '../util/placeholders.js';
import { buildLineIndex, type LineIndex } from '../util/positions.js';

/** A finding before the engine's filters, still carrying its offsets. */
export interface PositionedFinding extends Finding {
  readonly index?: number;
  readonly endIndex?: number;
  /** The finding is about the file as a whole (see ReportDescriptor.wholeFile): no line marker silences it. */
  readonly wholeFile?: boolean;
}

export interface RunRuleInput<Options> {
  readonly rule: Rule<Options>;
  readonly source: SourceFile;
  readonly options: Options;
  readonly severity: Severity;
  readonly project: ProjectView;
  /** Salt for finding fingerprints; the baseline file carries its own. */
  readonly salt: string;
  /** Reused across rules of one file. */
  readonly lines?: LineIndex;
}

/**
 * The salt that stands for the run's own random salt, made on first use: without a baseline, fingerprints only
 * need to be stable within one run, and a commit with nothing to report never loads node:crypto.
 */
export const RUN_SALT = '';
let runSaltValue: string | undefined;

/** The run's random salt: one per thread, so a scan that hands work to other threads passes them this value. */
export function runSalt(): string {
  return (runSaltValue ??= nodeCrypto().randomBytes(16).toString('hex'));
}

export function fingerprintSecret(salt: string, ruleId: string, secret: string): string {
  const key = salt === RUN_SALT ? runSalt() : salt;
  return nodeCrypto().createHmac('sha256', key).update(ruleId).update('\0').update(secret).digest('hex');
}

export async function runRule<Options>(input: RunRuleInput<Options>): Promise<PositionedFinding[]> {
  const { rule, source, severity, salt } = input;
  const lines = input.lines ?? buildLineIndex(source.content);
  const findings: PositionedFinding[] = [];
  const report = (d: ReportDescriptor): void => {
    if (rule.meta.skipsCiphertext && namesPlaceholder(d, source.content)) return;
    const ruleId = d.subRuleId ? `${rule.meta.id}/${d.subRuleId}` : rule.meta.id;
    findings.push(positionFinding(ruleId, d.severity ?? severity, source, d, lines, salt));
  };
  await rule.check(source, { options: input.options, project: input.project, report });
  return findings;
}

/** A secret detector's finding about a stand-in value (`ghp_xxxx...`, `<password>`): the one vocabulary decides. */
function namesPlaceholder(d: ReportDescriptor, content: string): boolean {
  const text = d.secret ?? (d.index !== undefined && d.endIndex !== undefined ? content.slice(d.index, d.endIndex) : undefined);
  return text !== undefined && isPlaceholder(text);
}

function positionFinding(
  ruleId: string,
  severity: Severity,
  source: SourceFile,
  d: ReportDescriptor,
  lines: LineIndex,
  salt: string,
): PositionedFinding {
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
    ...(d.secret ? { fingerprint: fingerprintSecret(salt, ruleId, d.secret) } : {}),
    ...(source.commit ? { commit: source.commit } : {}),
    ...(d.index !== undefined ? { index: d.index, endIndex: d.endIndex ?? d.index } : {}),
    ...(d.wholeFile || (d.line === undefined && d.index === undefined) ? { wholeFile: true } : {}),
  };
}
