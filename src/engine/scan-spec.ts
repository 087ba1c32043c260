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
import { activeRules, type ActiveRule } from './active-rules.js';
import { decodeText } from './content.js';
import { ruleRegistry } from './rule-registry.js';
import type { ScanPlan } from './plan.js';
import type { ScanSettings } from './scan.js';
import { loadSopsContext, type SopsConfigSource } from './sops-context.js';

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
   * Whether the packages a support file names may be loaded (SupportFileTrust.loadsModules): yes for the work tree
   * and index, no for content read from commits unless --allow-secretlintrc-modules.
   */
  readonly supportFileModules: boolean;
  /** Receives notes for the report (a support file a rule could not honour in full). */
  readonly note: (text: string) => void;
}

export async function buildSpec(plan: ScanPlan, inputs: SpecInputs): Promise<ScanSpec> {
  // Requested together, so a monorepo's many configs cost one round trip through the blob stream.
  const read = await Promise.all(plan.sopsConfigPaths.map(async (path) => ({ path, bytes: await plan.readSupportFile(path) })));
  const sopsConfigs: SopsConfigSource[] = read.flatMap(({ path, bytes }) => (bytes ? [{ path, text: bytes.toString('utf8') }] : []));
  const forced = inputs.forcedSopsConfig;
  const configured = activeRules([...ruleRegistry.values()], inputs.config, inputs.ruleOverrides);
  const fromSupportFiles = await supportFileOptions(plan, configured, inputs);
  return {
    origin: plan.origin,
    rules: configured.map((a) => ({ id: a.rule.meta.id, severity: a.severity, options: withOptions(a.options, fromSupportFiles.get(a.rule.meta.id)) })),
    ignore: inputs.config.ignore,
    maxFileSize: inputs.maxFileSize ?? inputs.config.maxFileSize,
    knownPaths: [...plan.knownPaths],
    sopsConfigs,
    ...(forced ? { forcedSopsConfig: await readForcedConfig(forced.path, forced.cwd) } : {}),
  };
}

/**
 * Options from the support files rules read (RuleMeta.reads: the first name present), read from the same source as
 * the files and turned into options by the rule before any file is read (a broken file is a configuration error).
 */
async function supportFileOptions(plan: ScanPlan, rules: readonly ActiveRule[], inputs: SpecInputs): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  const trust = { loadsModules: inputs.supportFileModules, root: plan.root, note: inputs.note };
  for (const { rule } of rules) {
    if (!rule.optionsFrom || !rule.meta.reads) continue;
    for (const name of rule.meta.reads) {
      const bytes = await plan.readSupportFile(name);
      if (!bytes) continue;
      found.set(rule.meta.id, (await rule.optionsFrom({ name, text: bytes.toString('utf8') }, trust)) as Record<string, unknown>);
      break;
    }
  }
  return found;
}

function withOptions(options: unknown, extra: Record<string, unknown> | undefined): unknown {
  return extra ? { ...(options as object), ...extra } : options;
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
 * salt it was handed and a request to the main thread: never made per plan or per thread. `readPlanFile` reads the
 * siblings rules ask for (the plan's own reader, or a worker's request to the main thread).
 */
export async function settingsFromSpec(spec: ScanSpec, run: RunInputs, readPlanFile?: FileReader): Promise<ScanSettings> {
  const known = new Set(spec.knownPaths);
  const sops = await loadSopsContext(spec.sopsConfigs, spec.forcedSopsConfig, run.sopsConfigParses);
  return {
    rules: spec.rules.map((r) => ({ rule: ruleRegistry.get(r.id)!, severity: r.severity, options: r.options })),
    maxFileSize: spec.maxFileSize,
    salt: run.salt,
    sopsConfigParses: run.sopsConfigParses,
    project: {
      hasPath: (path) => known.has(path),
      async readSibling(path) {
        const bytes = known.has(path) && readPlanFile ? await readPlanFile(path, spec.maxFileSize) : undefined;
        if (!bytes) return undefined;
        const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        return decodeText(buffer)?.text;
      },
      sopsRuleFor: sops.sopsRuleFor,
      ageIdentities: run.ageIdentities,
    },
  };
}
