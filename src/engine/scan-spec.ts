/**
 * Everything a scan needs besides the files, as plain data: built once per plan on the main thread (where the
 * I/O is), and turned into live settings there or inside a worker thread, so both run exactly the same rules.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { GuardConfig } from '../config/guard-config.js';
import { ConfigError } from '../errors.js';
import type { SopsConfigParses } from '../sops/config/parse.js';
import type { ProjectView, Severity } from '../types.js';
import { activeRules } from './active-rules.js';
import { decodeText } from './content.js';
import { ruleRegistry } from './rule-registry.js';
import type { ScanPlan } from './plan.js';
import type { ScanSettings } from './scan.js';
import { loadSopsContext, type SopsConfigSource } from './sops-context.js';
import { parseSecretlintRc, resolveSecretlintRc, SECRETLINT_RC_FILES, withoutRepositoryModules } from '../secretlint/config.js';

export interface ScanSpec {
  readonly origin: ScanPlan['origin'];
  readonly rules: ReadonlyArray<{ readonly id: string; readonly severity: Severity; readonly options: unknown }>;
  readonly ignore: readonly string[];
  readonly maxFileSize: number;
  readonly knownPaths: readonly string[];
  readonly sopsConfigs: readonly SopsConfigSource[];
  readonly forcedSopsConfig?: SopsConfigSource;
}

export interface SpecInputs {
  readonly config: GuardConfig;
  readonly ruleOverrides?: ReadonlyMap<string, Record<string, unknown>>;
  readonly maxFileSize?: number;
  /** `--sops-config PATH`, resolved against `cwd`. */
  readonly forcedSopsConfig?: { readonly path: string; readonly cwd: string };
  /**
   * Whether the rule packages a `.secretlintrc` names are loaded (from installed packages, never from a path):
   * yes for the work tree and index, no for content read from commits unless --allow-secretlintrc-modules.
   */
  readonly secretlintrcModules: boolean;
  /** Receives notes for the report (a .secretlintrc whose modules were not loaded). */
  readonly note: (text: string) => void;
}

export async function buildSpec(plan: ScanPlan, inputs: SpecInputs): Promise<ScanSpec> {
  // Requested together, so a monorepo's many configs cost one round trip through the blob stream.
  const read = await Promise.all(plan.sopsConfigPaths.map(async (path) => ({ path, bytes: await plan.readSupportFile(path) })));
  const sopsConfigs: SopsConfigSource[] = read.flatMap(({ path, bytes }) => (bytes ? [{ path, text: bytes.toString('utf8') }] : []));
  const forced = inputs.forcedSopsConfig;
  const overrides = new Map(inputs.ruleOverrides);
  const secretlintRc = await readSecretlintRc(plan, inputs);
  if (secretlintRc) overrides.set('secretlint', secretlintRc);
  return {
    origin: plan.origin,
    rules: activeRules([...ruleRegistry.values()], inputs.config, overrides).map((a) => ({ id: a.rule.meta.id, severity: a.severity, options: a.options })),
    ignore: inputs.config.ignore,
    maxFileSize: inputs.maxFileSize ?? inputs.config.maxFileSize,
    knownPaths: [...plan.knownPaths],
    sopsConfigs,
    ...(forced ? { forcedSopsConfig: await readForcedConfig(forced.path, forced.cwd) } : {}),
  };
}

/**
 * A team's `.secretlintrc` (rules, options, allowMessageIds), read from the same source as the files and checked
 * here, so a broken one is a configuration error before any file is read. Plain data: it travels to workers.
 * Repository content never runs code: without `secretlintrcModules` only the bundled preset's entry is kept, and
 * packages resolve from secrets-guard's own installation, not from the repository's node_modules.
 */
async function readSecretlintRc(plan: ScanPlan, inputs: SpecInputs): Promise<Record<string, unknown> | undefined> {
  for (const name of SECRETLINT_RC_FILES) {
    const bytes = await plan.readSupportFile(name);
    if (!bytes) continue;
    const parsed = await parseSecretlintRc(bytes.toString('utf8'), name);
    if (inputs.secretlintrcModules) {
      await resolveSecretlintRc(parsed, name, plan.root);
      return { secretlintConfig: parsed, secretlintBaseDirectory: plan.root };
    }
    const { rc, dropped } = withoutRepositoryModules(parsed);
    if (dropped > 0) inputs.note(`${name}: ${dropped} rule package(s) it names were not loaded (content read from commits loads no module it names; only the bundled preset ran): pass --allow-secretlintrc-modules to load installed ones`);
    await resolveSecretlintRc(rc, name);
    return { secretlintConfig: rc };
  }
  return undefined;
}

async function readForcedConfig(path: string, cwd: string): Promise<SopsConfigSource> {
  try {
    return { path, text: await readFile(resolve(cwd, path), 'utf8') };
  } catch (error) {
    throw new ConfigError(`--sops-config ${path}: ${(error as Error).message}`);
  }
}

/** Reads a file of the scan's source by path (ScanPlan.readFile), wherever the rules run. */
export type FileReader = (path: string, cap: number) => Promise<Buffer | Uint8Array | undefined>;

/** What the run (RunContext) gives each plan's scan, in this thread or, as data, in a worker. */
export interface RunInputs {
  readonly salt: () => string;
  readonly ageIdentities: ProjectView['ageIdentities'];
  /** The `.sops.yaml` parses of the run (a worker keeps its own), so the commits of a range share them. */
  readonly sopsConfigParses: SopsConfigParses;
}

/**
 * Live settings from a spec. The salt and `ageIdentities` are the run's (RunContext), or in a worker thread the
 * salt it was handed and a request to the main thread: never made per plan or per thread. `readFile` reads the
 * siblings rules ask for (the plan's own reader, or a worker's request to the main thread).
 */
export async function settingsFromSpec(spec: ScanSpec, run: RunInputs, readFile?: FileReader): Promise<ScanSettings> {
  const known = new Set(spec.knownPaths);
  const sops = await loadSopsContext(spec.sopsConfigs, spec.forcedSopsConfig, run.sopsConfigParses);
  return {
    rules: spec.rules.map((r) => ({ rule: ruleRegistry.get(r.id)!, severity: r.severity, options: r.options })),
    maxFileSize: spec.maxFileSize,
    salt: run.salt,
    project: {
      hasPath: (path) => known.has(path),
      async readSibling(path) {
        const bytes = known.has(path) && readFile ? await readFile(path, spec.maxFileSize) : undefined;
        if (!bytes) return undefined;
        const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        return decodeText(buffer)?.text;
      },
      sopsRuleFor: sops.sopsRuleFor,
      ageIdentities: run.ageIdentities,
    },
  };
}
