/**
 * One scan from start to end: the plans a request turns into, each scanned with the configuration read from the
 * plan's own source (index, commit, disk), and the totals summarised. Loaded by lint.ts once git is under way.
 */
import { EMPTY_GUARD_CONFIG, GUARD_CONFIG_FILE, parseGuardConfig, type GuardConfig } from '../config/guard-config.js';
import { openRepository } from '../git/repository.js';
import { indexPaths } from '../git/tree-entries.js';
import type { BaselineEntry } from '../baseline/format.js';
import type { Finding, ScanResult } from '../types.js';
import { loadBaseline } from './baseline-source.js';
import { preferSmallHeap, wantsSmallHeap } from './parallel/heap-mode.js';
import { defaultWorkerCount, ESTIMATE_FROM_FILES, PARALLEL_THRESHOLD, WORKERS_FROM_BYTES } from './parallel/threads.js';
import type { ScanPlan } from './plan.js';
import { emptyPlanScan, scanPlan, withoutIgnored, type PlanScan } from './scan.js';
import { buildSpec, settingsFromSpec } from './scan-spec.js';
import { ruleRegistry } from './rule-registry.js';
import type { HeadStart } from '../git/head-start.js';
import type { LintOptions } from './lint-options.js';
import { diskPlan } from './sources/disk-plan.js';
import { configChangeNote, type ConfigChange } from './sources/config-changes.js';
import { historySource } from './sources/history-source.js';
import { indexPlan } from './sources/index-plan.js';
import { summarise } from './summary.js';
import { createRunContext, type RunContext } from './run-context.js';
import { runProgress, type PlanFileSink } from './run-progress.js';

export async function runLint(options: LintOptions, headStart?: HeadStart): Promise<ScanResult> {
  const total = emptyTotals();
  const run = createRunContext(options); // once per run: every commit of a range and every thread share it
  const { plans, configChanges = [] } = await sourceFor(options, headStart);
  const progress = options.onProgress ? runProgress(options.onProgress) : undefined;
  for await (const plan of plans) {
    try {
      const onFile = progress?.forPlan(plan);
      await (plan.recheck ? lintRecheck(plan, options, run, total) : lintPlan(plan, options, run, total, onFile));
      progress?.planDone(plan);
    } finally {
      plan.close();
    }
  }
  const note = configChangeNote(configChanges);
  const result = summarise(total.scan, total.verification, [...baselineNotes(total, options.mode.kind === 'all'), ...total.notes, ...(note ? [note] : [])]);
  return configChanges.length > 0 ? { ...result, summary: { ...result.summary, configChanges } } : result;
}

interface Totals {
  readonly scan: PlanScan;
  readonly verification: { verified: Set<string>; unverifiable: Set<string> };
  readonly baseline: { suppressed: number; stale: BaselineEntry[]; used: boolean };
  /** Notes from reading each plan's configuration, each said once however many commits repeat it. */
  readonly notes: Set<string>;
}

function emptyTotals(): Totals {
  return {
    scan: emptyPlanScan(),
    verification: { verified: new Set(), unverifiable: new Set() },
    baseline: { suppressed: 0, stale: [], used: false },
    notes: new Set(),
  };
}

/** Stale entries mean something only after a scan of every file (--all): a staged scan sees a few files. */
function baselineNotes(total: Totals, fullScan: boolean): string[] {
  const { suppressed, stale, used } = total.baseline;
  if (!used) return [];
  const notes = suppressed > 0 ? [`${suppressed} finding(s) accepted by the baseline`] : [];
  if (fullScan && stale.length > 0)
    notes.push(
      `${stale.length} baseline entr${stale.length === 1 ? 'y no longer matches' : 'ies no longer match'} anything: run \`secrets-guard baseline --prune\``,
    );
  return notes;
}

/** Scans one plan, adding to the totals; configuration comes from the plan's own source (index, commit, disk). */
async function lintPlan(plan: ScanPlan, options: LintOptions, run: RunContext, total: Totals, onFile?: PlanFileSink): Promise<void> {
  const baseline = await loadBaseline(plan, options.baseline, (text) => total.notes.add(text));
  const spec = await buildSpec(plan, {
    config: await loadGuardConfig(plan),
    // Content read from commits (a pull request, a push) names no module that is loaded, unless the caller allows it.
    supportFileModules: !readsCommits(options.mode) || options.allowSecretlintrcModules === true,
    note: (text) => total.notes.add(text),
    ...(options.ruleOverrides ? { ruleOverrides: options.ruleOverrides } : {}),
    ...(options.maxFileSize ? { maxFileSize: options.maxFileSize } : {}),
    ...(options.sopsConfig ? { forcedSopsConfig: { path: options.sopsConfig, cwd: options.cwd } } : {}),
  });
  // Fingerprints must be made with the baseline's own salt for its entries to match.
  const inputs = { ...run, salt: baseline ? () => baseline.salt : run.salt };
  const threads = options.threads ?? defaultWorkerCount();
  const files = await withoutIgnored(plan.files, spec.ignore);
  if (wantsSmallHeap(files.length, plan.scanFiles)) await preferSmallHeap();
  // An explicit thread count starts its workers at once on a large plan; by default the work read decides.
  const startFromBytes = options.threads === undefined ? WORKERS_FROM_BYTES : 0;
  const parallel =
    threads > 0 && files.length >= (startFromBytes ? ESTIMATE_FROM_FILES : PARALLEL_THRESHOLD) ? await import('./parallel/scan-in-workers.js') : undefined;
  const scan = parallel?.workersAvailable()
    ? await parallel.scanInWorkers(files, spec, threads, inputs, plan.readFile, onFile, startFromBytes)
    : await scanPlan({ ...plan, files }, { ...(await settingsFromSpec(spec, inputs, plan.readFile)), ...(onFile ? { onFile } : {}) });
  // Verification notes are keyed per commit in range mode: the same path verified in two commits is two files.
  const prefix = plan.commit ? `${plan.commit}:` : '';
  for (const path of scan.verified) total.verification.verified.add(prefix + path);
  for (const path of scan.unverifiable) total.verification.unverifiable.add(prefix + path);
  let findings = scan.findings;
  if (baseline) {
    const { applyBaseline } = await import('../baseline/apply.js'); // only repositories with a baseline need it
    const outcome = applyBaseline(findings, baseline);
    findings = outcome.kept;
    total.baseline.used = true;
    total.baseline.suppressed += outcome.suppressed;
    total.baseline.stale.push(...outcome.stale);
  }
  // Loops, not spreads: a plan may hold more findings than a call's argument limit (~120,000).
  for (const f of findings) total.scan.findings.push(f);
  for (const s of scan.skipped) total.scan.skipped.push(s);
  total.scan.filesScanned += scan.filesScanned;
  total.scan.bytesScanned += scan.bytesScanned;
  total.scan.allowedByComment += scan.allowedByComment;
}

/** --range and pre-receive judge content from commits (a pull request, a push), not the developer's work tree. */
function readsCommits(mode: LintOptions['mode']): boolean {
  return mode.kind === 'range' || mode.kind === 'push';
}

interface ScanSource {
  readonly plans: AsyncIterable<ScanPlan>;
  readonly configChanges?: readonly ConfigChange[];
}

async function sourceFor(options: LintOptions, headStart: HeadStart | undefined): Promise<ScanSource> {
  const { mode } = options;
  if (mode.kind === 'paths') {
    // Paths mode also works outside a repository (a directory of files handed over by another tool).
    const repo = await openRepository(options.cwd, options.env, headStart ? { headStart } : {}).catch(() => undefined);
    return { plans: single(async () => diskPlan(repo?.root ?? options.cwd, options.cwd, mode.paths, repo ? await indexPaths(repo) : [])) };
  }
  const repo = await openRepository(options.cwd, options.env, {
    allowBare: mode.kind === 'range' || mode.kind === 'push',
    ...(headStart ? { headStart } : {}),
  });
  if (mode.kind === 'staged' || mode.kind === 'all') return { plans: single(() => indexPlan(repo, mode.kind)) };
  return historySource(repo, mode.kind === 'range' ? { range: mode.range } : { updates: mode.updates });
}

async function* single(plan: () => Promise<ScanPlan>): AsyncGenerator<ScanPlan> {
  yield await plan();
}

/** `.secrets-guard.yaml` comes from the same source as the files: the index in staged mode, the disk for paths. */
async function loadGuardConfig(plan: ScanPlan): Promise<GuardConfig> {
  const bytes = await plan.readSupportFile(GUARD_CONFIG_FILE);
  return bytes ? await parseGuardConfig(bytes.toString('utf8'), GUARD_CONFIG_FILE, ruleRegistry) : EMPTY_GUARD_CONFIG;
}

/**
 * A second look (ScanPlan.recheck), scanned apart: only its findings the first look did not make count (the same
 * finding from the same commit is one), and its skips not already noted. Its files, sops verifications and
 * baseline figures were counted the first time.
 */
async function lintRecheck(plan: ScanPlan, options: LintOptions, run: RunContext, total: Totals): Promise<void> {
  const second = emptyTotals();
  await lintPlan(plan, options, run, second);
  second.notes.forEach((n) => total.notes.add(n));
  const seen = new Set(total.scan.findings.map(findingKey));
  for (const f of second.scan.findings) if (!seen.has(findingKey(f))) total.scan.findings.push(f);
  const skipped = new Set(total.scan.skipped.map((s) => `${s.path}\0${s.reason}`));
  for (const s of second.scan.skipped) if (!skipped.has(`${s.path}\0${s.reason}`)) total.scan.skipped.push(s);
}

/** A finding's identity in a report; the fingerprint is left out, as it depends on the baseline's salt. */
function findingKey(f: Finding): string {
  return [f.commit, f.path, f.ruleId, f.severity, f.line, f.column, f.endLine, f.endColumn, f.message].join('\0');
}
