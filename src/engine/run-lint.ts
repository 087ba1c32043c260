/**
 * One scan from start to end: the plans a request turns into, each scanned with the configuration read from the
 * plan's own source (index, commit, disk), and the totals summarised. Loaded by lint.ts once git is under way.
 */
import { existsSync } from 'node:fs';
import { EMPTY_GUARD_CONFIG, GUARD_CONFIG_FILE, parseGuardConfig, type GuardConfig } from '../config/guard-config.js';
import { openRepository } from '../git/repository.js';
import { indexPaths } from '../git/tree-entries.js';
import type { BaselineEntry } from '../baseline/format.js';
import type { ScanResult } from '../types.js';
import { loadBaseline } from './baseline-source.js';
import { preferSmallHeap, wantsSmallHeap } from './heap-mode.js';
import { defaultWorkerCount, PARALLEL_THRESHOLD } from './threads.js';
import type { ScanPlan } from './plan.js';
import { scanPlan, withoutIgnored, type PlanScan } from './scan.js';
import { buildSpec, settingsFromSpec } from './scan-spec.js';
import { ruleRegistry } from './rule-registry.js';
import type { HeadStart } from '../git/head-start.js';
import type { LintOptions } from './lint.js';
import { diskPlan } from './sources/disk-plan.js';
import { historyPlans } from './sources/history-plans.js';
import { indexPlan } from './sources/index-plan.js';
import { commitsInPush, commitsInRange } from '../git/history.js';
import { summarise } from './summary.js';
import { RUN_SALT } from './run-rule.js';

export async function runLint(options: LintOptions, headStart?: HeadStart): Promise<ScanResult> {
  const total = emptyTotals();
  for await (const plan of plansFor(options, headStart)) {
    try {
      await lintPlan(plan, options, total);
    } finally {
      plan.close();
    }
  }
  return summarise(total.scan, total.verification, baselineNotes(total, options.mode.kind === 'all'));
}

interface Totals {
  readonly scan: PlanScan;
  readonly verification: { verified: Set<string>; unverifiable: Set<string> };
  readonly baseline: { suppressed: number; stale: BaselineEntry[]; used: boolean };
}

function emptyTotals(): Totals {
  return {
    scan: { findings: [], skipped: [], filesScanned: 0, bytesScanned: 0 },
    verification: { verified: new Set(), unverifiable: new Set() },
    baseline: { suppressed: 0, stale: [], used: false },
  };
}

/** Stale entries mean something only after a scan of every file (--all): a staged scan sees a few files. */
function baselineNotes(total: Totals, fullScan: boolean): string[] {
  const { suppressed, stale, used } = total.baseline;
  if (!used) return [];
  const notes = suppressed > 0 ? [`${suppressed} finding(s) accepted by the baseline`] : [];
  if (fullScan && stale.length > 0) notes.push(`${stale.length} baseline entr${stale.length === 1 ? 'y no longer matches' : 'ies no longer match'} anything: run \`secrets-guard baseline --prune\``);
  return notes;
}

/** Scans one plan, adding to the totals; configuration comes from the plan's own source (index, commit, disk). */
async function lintPlan(plan: ScanPlan, options: LintOptions, total: Totals): Promise<void> {
  const baseline = await loadBaseline(plan, options.baseline);
  const spec = await buildSpec(plan, {
    config: await loadGuardConfig(plan),
    // Fingerprints must be made with the baseline's own salt for its entries to match.
    salt: baseline?.salt ?? options.salt ?? RUN_SALT,
    ageKeys: options.ageKeys ?? {},
    ...(options.ruleOverrides ? { ruleOverrides: options.ruleOverrides } : {}),
    ...(options.maxFileSize ? { maxFileSize: options.maxFileSize } : {}),
    ...(options.sopsConfig ? { forcedSopsConfig: { path: options.sopsConfig, cwd: options.cwd } } : {}),
  });
  const prefix = plan.commit ? `${plan.commit}:` : '';
  const threads = options.threads ?? defaultWorkerCount();
  const files = await withoutIgnored(plan.files, spec.ignore);
  if (wantsSmallHeap(files.length, plan.scanFiles)) await preferSmallHeap();
  const parallel = files.length >= PARALLEL_THRESHOLD && threads > 0 ? await import('./parallel.js') : undefined;
  const scan =
    parallel && existsSync(parallel.WORKER_URL)
      ? await parallel.scanInWorkers(files, spec, threads, total.verification, prefix, plan.readFile, options.onFile)
      : await scanPlan({ ...plan, files }, { ...(await settingsFromSpec(spec, total.verification, prefix, plan.readFile)), ...(options.onFile ? { onFile: options.onFile } : {}) });
  let findings = scan.findings;
  if (baseline) {
    const { applyBaseline } = await import('../baseline/apply.js'); // only repositories with a baseline need it
    const outcome = applyBaseline(findings, baseline);
    findings = outcome.kept;
    total.baseline.used = true;
    total.baseline.suppressed += outcome.suppressed;
    total.baseline.stale.push(...outcome.stale);
  }
  total.scan.findings.push(...findings);
  total.scan.skipped.push(...scan.skipped);
  total.scan.filesScanned += scan.filesScanned;
  total.scan.bytesScanned += scan.bytesScanned;
}

async function* plansFor(options: LintOptions, headStart: HeadStart | undefined): AsyncGenerator<ScanPlan> {
  const { mode } = options;
  if (mode.kind === 'paths') {
    // Paths mode also works outside a repository (a directory of files handed over by another tool).
    const repo = await openRepository(options.cwd, options.env, headStart ? { headStart } : {}).catch(() => undefined);
    yield diskPlan(repo?.root ?? options.cwd, options.cwd, mode.paths, repo ? await indexPaths(repo) : []);
    return;
  }
  const repo = await openRepository(options.cwd, options.env, { allowBare: mode.kind === 'range' || mode.kind === 'push', ...(headStart ? { headStart } : {}) });
  if (mode.kind === 'staged' || mode.kind === 'all') {
    yield indexPlan(repo, mode.kind);
    return;
  }
  const commits = mode.kind === 'range' ? await commitsInRange(repo, mode.range) : await commitsInPush(repo, mode.updates);
  yield* historyPlans(repo, commits);
}

/** `.secrets-guard.yaml` comes from the same source as the files: the index in staged mode, the disk for paths. */
async function loadGuardConfig(plan: ScanPlan): Promise<GuardConfig> {
  const bytes = await plan.readSupportFile(GUARD_CONFIG_FILE);
  return bytes ? await parseGuardConfig(bytes.toString('utf8'), GUARD_CONFIG_FILE, ruleRegistry) : EMPTY_GUARD_CONFIG;
}
