/**
 * The core loop: read each planned file once, hand it to every rule that applies, and turn what they report into
 * findings. Binary and oversized files are skipped by text rules with a visible note, never silently.
 * A rule that throws fails the whole scan (fail closed): a crash must never look like a clean commit.
 */
import { noteBytesScanned } from './parallel/heap-mode.js';
import { isKnownError, RuleCrash } from '../errors.js';
import type { SopsConfigParses } from '../sops/config/parse.js';
import type { Finding, ProjectView, RuleMeta, SkippedFile, SourceText } from '../types.js';
import type { ActiveRule } from './active-rules.js';
import { decodeText } from './content.js';
import { fileInHand, type PlannedFile, type ScanPlan } from './plan.js';
import { readAhead } from './read-ahead.js';
import { runRule, type PositionedFinding } from './run-rule.js';
import { oncePerSecret, type RuleFinding } from './once-per-secret.js';
import { allowMarkersIn } from './suppressions.js';
import { inSortedSpans } from '../util/interval-set.js';
import { createSourceFile, type EngineSourceFile } from './source-file.js';

export interface ScanSettings {
  readonly rules: readonly ActiveRule[];
  readonly maxFileSize: number;
  readonly project: ProjectView;
  /** The salt findings are fingerprinted with (RunContext), asked for when a finding names a secret. */
  readonly salt: () => string;
  /** The run's `.sops.yaml` parses (RunContext), which the files' `sopsConfig()` views share. */
  readonly sopsConfigParses?: SopsConfigParses;
  /** Called after each file, for progress reporting. */
  readonly onFile?: (done: number, total: number, bytes: number) => void;
}

export interface PlanScan {
  readonly findings: Finding[];
  readonly skipped: SkippedFile[];
  filesScanned: number;
  bytesScanned: number;
  /** Findings silenced by a `secrets-guard-allow` comment, for the summary. */
  allowedByComment: number;
  /** Sops files whose MAC a rule verified, and those it could not verify (no matching identity), by path. */
  readonly verified: string[];
  readonly unverifiable: string[];
}

export function emptyPlanScan(): PlanScan {
  return { findings: [], skipped: [], filesScanned: 0, bytesScanned: 0, allowedByComment: 0, verified: [], unverifiable: [] };
}

/** Enough for any key store's entries: a truststore of a few hundred certificates before a key entry. */
export const BINARY_HEAD_BYTES = 1024 * 1024;

export async function scanPlan(plan: ScanPlan, settings: ScanSettings): Promise<PlanScan> {
  const { files } = plan; // ignore globs were applied by the caller, once for either way of scanning
  const result = emptyPlanScan();
  let done = 0;
  for await (const read of readAhead(files, settings.maxFileSize)) {
    const bytes = await scanFile(plan.origin, fileInHand(read.file.path, read.file.commit, read.size, read.bytes), settings, result);
    settings.onFile?.(++done, files.length, bytes);
  }
  return result;
}

export async function withoutIgnored(files: readonly PlannedFile[], ignore: readonly string[]): Promise<readonly PlannedFile[]> {
  if (ignore.length === 0) return files;
  const { default: micromatch } = await import('micromatch'); // only repositories with ignore globs pay for it
  return files.filter((f) => !micromatch.isMatch(f.path, ignore, { dot: true }));
}

/** Reads one file and runs every applicable rule on it, adding to `out`; returns the bytes read. */
export async function scanFile(origin: ScanPlan['origin'], file: PlannedFile, settings: ScanSettings, out: PlanScan): Promise<number> {
  const applicable = settings.rules.filter((a) => !a.rule.appliesTo || a.rule.appliesTo(file.path, a.options));
  if (applicable.length === 0) return 0;
  const pathOnly = applicable.filter((a) => a.rule.meta.pathOnly);
  const { size, bytes } = await file.read(settings.maxFileSize);
  if (!bytes) {
    out.skipped.push({
      path: file.path,
      reason: `larger than the ${formatBytes(settings.maxFileSize)} size cap (${formatBytes(size)}); raise maxFileSize to scan it`,
      kind: 'too-large',
    });
    out.findings.push(...(await runOn(pathOnly, emptySource(origin, file, 'too-large', settings.project), settings, out)));
    return 0;
  }
  const decoded = decodeText(bytes);
  if (!decoded) {
    out.skipped.push({ path: file.path, reason: 'binary content', kind: 'binary' });
    const binaryRules = applicable.filter((a) => a.rule.meta.pathOnly || a.rule.meta.readsBinaryHead);
    out.findings.push(
      ...(await runOn(binaryRules, emptySource(origin, file, 'binary', settings.project, bytes.subarray(0, BINARY_HEAD_BYTES)), settings, out)),
    );
    noteBytesScanned(bytes.length);
    return bytes.length;
  }
  const text: SourceText = { path: file.path, content: decoded.text, origin, ...(file.commit ? { commit: file.commit } : {}) };
  out.filesScanned++;
  out.bytesScanned += bytes.length;
  const source = createSourceFile(text, settings.project, settings.sopsConfigParses);
  const found = await runOn(applicable, source, settings, out);
  let note = await source.verificationNote();
  if (decoded.withoutNuls !== undefined) {
    // Only what the file's own decoding did not show: a secret already reported there is not reported twice.
    const seen = new Set(found.map(secretKey));
    const textRules = applicable.filter((a) => !a.rule.meta.pathOnly);
    const withoutNuls = createSourceFile({ ...text, content: decoded.withoutNuls }, settings.project, settings.sopsConfigParses);
    for (const f of await runOn(textRules, withoutNuls, settings, out)) if (f.fingerprint && !seen.has(secretKey(f))) found.push(f);
    note ??= await withoutNuls.verificationNote();
  }
  for (const f of found) out.findings.push(f); // one file may hold more findings than a spread's argument limit
  // The verification comes back as a note with the file's findings, for the summary.
  if (note) out[note].push(file.path);
  noteBytesScanned(bytes.length);
  return bytes.length;
}

const secretKey = (f: Finding): string => `${f.ruleId}\0${f.fingerprint ?? ''}`;

async function runOn(rules: readonly ActiveRule[], source: EngineSourceFile, settings: ScanSettings, out: PlanScan): Promise<Finding[]> {
  if (rules.length === 0) return [];
  let spans: ReadonlyArray<readonly [number, number]> | undefined;
  const kept: Array<RuleFinding & { readonly meta: RuleMeta }> = [];
  for (const active of rules) {
    let found: PositionedFinding[];
    try {
      const { rule, options, severity } = active;
      const running = runRule({ rule, options, severity, source, project: settings.project, salt: settings.salt });
      found = Array.isArray(running) ? running : await running;
    } catch (error) {
      if (isKnownError(error)) throw error; // e.g. an unreadable SOPS_AGE_KEY_FILE, reached through a rule
      throw new RuleCrash(`internal error in rule ${active.rule.meta.id} on ${source.path}: ${(error as Error).message}`);
    }
    for (const finding of found) {
      if (active.rule.meta.skipsCiphertext && finding.index !== undefined) {
        spans ??= await source.ciphertextSpans();
        if (inSortedSpans(spans, finding.index)) continue;
      }
      kept.push({ finding, fallback: active.rule.meta.fallback === true, detector: active.rule.meta.skipsCiphertext === true, meta: active.rule.meta });
    }
  }
  if (kept.length === 0) return [];
  const markers = allowMarkersIn(source.path, source.lines());
  const allowed = (f: PositionedFinding): boolean => !f.wholeFile && markers.allows(f.line);
  // A rule's finding that another rule's error already says (a key file a creation rule covers) is reported once.
  const errorRules = new Set(kept.filter((k) => k.finding.severity === 'error' && !allowed(k.finding)).map((k) => k.finding.ruleId));
  const reported: Finding[] = [];
  for (const finding of oncePerSecret(kept.filter((k) => !k.meta.redundantWith?.some((id) => errorRules.has(id))))) {
    if (allowed(finding)) out.allowedByComment++;
    else reported.push(stripOffsets(finding));
  }
  return reported;
}

function stripOffsets(finding: PositionedFinding): Finding {
  const { index: _index, endIndex: _end, wholeFile: _wholeFile, ...rest } = finding;
  return rest;
}

function emptySource(origin: ScanPlan['origin'], file: PlannedFile, skipped: SourceText['skipped'], project: ProjectView, head?: Uint8Array): EngineSourceFile {
  return createSourceFile(
    { path: file.path, content: '', origin, ...(skipped ? { skipped } : {}), ...(file.commit ? { commit: file.commit } : {}), ...(head ? { head } : {}) },
    project,
  );
}

function formatBytes(n: number): string {
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
