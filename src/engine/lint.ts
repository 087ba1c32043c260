/**
 * The engine's entry point: turn a request (staged, --all, paths) into a plan, load the configuration from the
 * same source as the files, scan, and summarise. Knows git and the file system; the rules never do.
 */
import { randomBytes } from 'node:crypto';
import { EMPTY_GUARD_CONFIG, GUARD_CONFIG_FILE, parseGuardConfig, type GuardConfig } from '../config/guard-config.js';
import { openRepository, type Repository } from '../git/repository.js';
import { rules as registry } from '../../rules/index.js';
import type { Rule, ScanResult } from '../types.js';
import { activeRules } from './active-rules.js';
import type { ScanPlan } from './plan.js';
import { scanPlan, type PlanScan, type ScanSettings } from './scan.js';
import { loadSopsContext } from './sops-context.js';
import { diskPlan } from './sources/disk-plan.js';
import { historyPlans } from './sources/history-plans.js';
import { indexPlan } from './sources/index-plan.js';
import { commitsInPush, commitsInRange } from '../git/history.js';
import { summarise } from './summary.js';

export type ScanMode =
  | { kind: 'staged' }
  | { kind: 'all' }
  | { kind: 'paths'; paths: readonly string[] }
  /** `--range A..B`: every commit of the range. */
  | { kind: 'range'; range: string }
  /** pre-receive: the commits a push brings. */
  | { kind: 'push'; updates: ReadonlyArray<{ oldOid: string; newOid: string; ref: string }> };

export interface LintOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly mode: ScanMode;
  /** `--sops-config PATH`. */
  readonly sopsConfig?: string;
  /** `--max-file-size`, over the config's. */
  readonly maxFileSize?: number;
  /** Options the CLI sets per rule id. */
  readonly ruleOverrides?: ReadonlyMap<string, Record<string, unknown>>;
  readonly ageIdentities?: readonly string[];
  /** Salt for finding fingerprints (a baseline's own); random otherwise. */
  readonly salt?: string;
  readonly onFile?: ScanSettings['onFile'];
}

export const ruleRegistry: ReadonlyMap<string, Rule<unknown>> = new Map(registry.map((r) => [r.meta.id, r as Rule<unknown>]));

export async function lint(options: LintOptions): Promise<ScanResult> {
  const total = emptyTotals();
  for await (const plan of plansFor(options)) {
    try {
      await lintPlan(plan, options, total);
    } finally {
      plan.close();
    }
  }
  return summarise(total.scan, total.verification);
}

interface Totals {
  readonly scan: PlanScan;
  readonly verification: { verified: Set<string>; unverifiable: Set<string> };
}

function emptyTotals(): Totals {
  return { scan: { findings: [], skipped: [], filesScanned: 0, bytesScanned: 0 }, verification: { verified: new Set(), unverifiable: new Set() } };
}

/** Scans one plan, adding to the totals; configuration comes from the plan's own source (index, commit, disk). */
async function lintPlan(plan: ScanPlan, options: LintOptions, total: Totals): Promise<void> {
  const config = await loadGuardConfig(plan);
  const sops = await loadSopsContext(plan, { ...(options.sopsConfig ? { forcedConfig: options.sopsConfig } : {}) });
  const { verification } = total;
  const scan = await scanPlan(plan, {
    rules: activeRules([...ruleRegistry.values()], config, options.ruleOverrides),
    ignore: config.ignore,
    maxFileSize: options.maxFileSize ?? config.maxFileSize,
    salt: options.salt ?? RUN_SALT,
    ciphertextSpans: sops.ciphertextSpans,
    project: {
      hasPath: (path) => plan.knownPaths.has(path),
      sopsRuleFor: sops.sopsRuleFor,
      ageIdentities: options.ageIdentities ?? [],
      recordVerification: (path, outcome) => verification[outcome].add(plan.commit ? `${plan.commit}:${path}` : path),
    },
    ...(options.onFile ? { onFile: options.onFile } : {}),
  });
  total.scan.findings.push(...scan.findings);
  total.scan.skipped.push(...scan.skipped);
  total.scan.filesScanned += scan.filesScanned;
  total.scan.bytesScanned += scan.bytesScanned;
}

/** Without a baseline, fingerprints only need to be stable within one run. */
const RUN_SALT = randomBytes(16).toString('hex');

async function* plansFor(options: LintOptions): AsyncGenerator<ScanPlan> {
  const { mode } = options;
  if (mode.kind === 'paths') {
    // Paths mode also works outside a repository (a directory of files handed over by another tool).
    const repo = await openRepository(options.cwd, options.env).catch(() => undefined);
    yield diskPlan(repo?.root ?? options.cwd, options.cwd, mode.paths, repo ? await trackedPaths(repo) : []);
    return;
  }
  const repo = await openRepository(options.cwd, options.env, { allowBare: mode.kind === 'range' || mode.kind === 'push' });
  if (mode.kind === 'staged' || mode.kind === 'all') {
    yield indexPlan(repo, mode.kind);
    return;
  }
  const commits = mode.kind === 'range' ? await commitsInRange(repo, mode.range) : await commitsInPush(repo, mode.updates);
  yield* historyPlans(repo, commits);
}

async function trackedPaths(repo: Repository): Promise<string[]> {
  return (await repo.run(['ls-files', '-z'])).split('\0').filter((p) => p !== '');
}

/** `.secrets-guard.yaml` comes from the same source as the files: the index in staged mode, the disk for paths. */
async function loadGuardConfig(plan: ScanPlan): Promise<GuardConfig> {
  const bytes = await plan.readSupportFile(GUARD_CONFIG_FILE);
  return bytes ? await parseGuardConfig(bytes.toString('utf8'), GUARD_CONFIG_FILE, ruleRegistry) : EMPTY_GUARD_CONFIG;
}
