/**
 * A team's `.secretlintrc.json` / `.secretlintrc.yaml`, read without secretlint's own config loader (which reads
 * files and walks node_modules itself): the text is parsed and validated here into plain data, which can cross a
 * worker boundary as a rule option, and `resolveSecretlintRc` turns it into the `SecretLintCoreConfig` that
 * `lintSource` takes by importing each rule package. The recommended preset ships with secrets-guard, so it always
 * resolves and is added when the file does not list it (list it with `disabled: true` to turn it off).
 */
import { ConfigError } from '../errors.js';
import { parserError, quote } from '../util/quote.js';
import { PresetFilter } from './prefilter.js';
import { PRESET_KEYWORDS_CHECKED_AGAINST, PRESET_TRIGGERS } from './preset-keywords.js';
import { candidatePackageNames, installedPackageVersion, isPackageName, PRESET_RECOMMEND_ID, resolveRuleCreator } from './resolve-rule.js';
import type { SecretLintCoreConfig, SecretLintCoreConfigUnionRule } from '@secretlint/types';

type SecretlintSeverity = 'info' | 'warning' | 'error';

/** One entry of `rules` as written in the file (a rule, or a preset with its own `rules`). */
interface SecretlintRcRule {
  readonly id: string;
  readonly options?: Record<string, unknown>;
  readonly severity?: SecretlintSeverity;
  readonly disabled?: boolean;
  readonly allowMessageIds?: readonly string[];
  readonly rules?: readonly SecretlintRcRule[];
}

/** The file's content, validated; plain JSON data. */
export interface SecretlintRc {
  readonly rules: readonly SecretlintRcRule[];
  readonly sharedOptions?: Record<string, unknown>;
}

export async function parseSecretlintRc(text: string, fileName: string): Promise<SecretlintRc> {
  let data: unknown;
  try {
    // `.secretlintrc` without an extension may be either (rc-config-loader's rule): JSON first, then YAML.
    const yaml = /\.ya?ml$/i.test(fileName) || (!/\.json$/i.test(fileName) && !/^\s*[{[]/.test(text));
    if (yaml) {
      // Loaded on demand, as for .secrets-guard.yaml.
      const { parse } = await import('yaml');
      // logLevel 'error': the yaml package prints warnings to stderr with the offending source line.
      data = parse(text, { uniqueKeys: true, logLevel: 'error' });
    } else {
      data = JSON.parse(text);
    }
  } catch (error) {
    throw new ConfigError(`${fileName}: cannot parse: ${parserError(error)}`);
  }
  return validateSecretlintRc(data, fileName);
}

/** True for the entry of the recommended preset, which secrets-guard ships and always loads from its own install. */
function isBundledPreset(entry: SecretlintRcRule): boolean {
  return candidatePackageNames(entry.id).includes(PRESET_RECOMMEND_ID);
}

/**
 * The configuration without the modules it names: only the bundled preset's entry (its options, its disabled
 * rules, allowMessageIds) is kept. For content read from commits (--range, pre-receive), where nothing the
 * repository names may be loaded; `dropped` counts the entries left out, for the report's note.
 */
export function withoutRepositoryModules(rc: SecretlintRc): { rc: SecretlintRc; dropped: number } {
  const rules = rc.rules.filter(isBundledPreset);
  return { rc: { ...rc, rules }, dropped: rc.rules.length - rules.length };
}

/** Checks the shape secretlint documents (SecretLintConfigDescriptor); `where` prefixes every message. */
function validateSecretlintRc(data: unknown, where: string): SecretlintRc {
  const top = expectObject(data, where, '(top level)');
  for (const key of Object.keys(top)) {
    if (key !== 'rules' && key !== 'sharedOptions') fail(where, key, 'unknown key (expected rules or sharedOptions)');
  }
  if (!Array.isArray(top.rules)) fail(where, 'rules', 'expected a list of { id, ... } entries');
  const rules = top.rules.map((r, i) => validateRule(r, where, `rules[${i}]`, true));
  const sharedOptions = top.sharedOptions === undefined ? undefined : expectObject(top.sharedOptions, where, 'sharedOptions');
  return { rules, ...(sharedOptions ? { sharedOptions } : {}) };
}

const RULE_KEYS = ['id', 'options', 'severity', 'disabled', 'allowMessageIds', 'rules'];
const SEVERITIES: readonly string[] = ['info', 'warning', 'error'];

function validateRule(raw: unknown, where: string, keyPath: string, topLevel: boolean): SecretlintRcRule {
  const entry = expectObject(raw, where, keyPath);
  for (const key of Object.keys(entry)) {
    if (!RULE_KEYS.includes(key)) fail(where, `${keyPath}.${key}`, `unknown key (expected ${RULE_KEYS.join(', ')})`);
  }
  if (typeof entry.id !== 'string' || entry.id === '') fail(where, `${keyPath}.id`, 'expected a package name');
  if (entry.severity !== undefined && !SEVERITIES.includes(entry.severity as string)) fail(where, `${keyPath}.severity`, 'expected info, warning or error');
  if (entry.disabled !== undefined && typeof entry.disabled !== 'boolean') fail(where, `${keyPath}.disabled`, 'expected true or false');
  const allow = entry.allowMessageIds;
  if (allow !== undefined && (!Array.isArray(allow) || allow.some((a) => typeof a !== 'string')))
    fail(where, `${keyPath}.allowMessageIds`, 'expected a list of message ids');
  if (entry.options !== undefined) expectObject(entry.options, where, `${keyPath}.options`);
  if (entry.rules !== undefined && (!topLevel || !Array.isArray(entry.rules)))
    fail(where, `${keyPath}.rules`, 'expected a list of rule entries (presets only)');
  const rules = (entry.rules as unknown[] | undefined)?.map((r, i) => validateRule(r, where, `${keyPath}.rules[${i}]`, false));
  return { ...(entry as object), id: entry.id, ...(rules ? { rules } : {}) } as SecretlintRcRule;
}

/**
 * What the rule runs secretlint with: the resolved config, narrowed per file to the preset rules whose keywords
 * occur in it (prefilter.ts).
 */
export interface SecretlintSetup {
  /** The config to lint `content` with, or undefined when no rule can report anything on it. */
  configFor(content: string, ext: string, present?: ReadonlySet<string>): Promise<SecretLintCoreConfig | undefined>;
}

/** Resolved setups, one per distinct file content and base directory: built once per process. */
const resolved = new Map<string, Promise<SecretlintSetup>>();

export function resolveSecretlintRc(rc: SecretlintRc | undefined, fileName = '.secretlintrc', baseDirectory?: string): Promise<SecretlintSetup> {
  const key = JSON.stringify([rc ?? null, baseDirectory ?? null]);
  let setup = resolved.get(key);
  if (!setup) {
    setup = rc ? buildSetup(rc, fileName, baseDirectory) : Promise.resolve(defaultSetup());
    // A failed resolution is not cached, so a later run (after `npm install`) can succeed.
    setup.catch(() => resolved.delete(key));
    resolved.set(key, setup);
  }
  return setup;
}

interface ResolvedRule {
  readonly entry: SecretlintRcRule;
  readonly creator: unknown;
}

/** The recommended preset as the filter sees it: its enabled rules, and its module, loaded on first need. */
interface FilteredPreset {
  readonly entry: SecretlintRcRule;
  readonly ruleIds: readonly string[];
  creator(): Promise<unknown>;
  /** Where the preset stands among the .secretlintrc's rules. */
  readonly position: number;
}

/**
 * No .secretlintrc: the recommended preset alone. When the installed preset is the version the keyword table was
 * checked against, the table names its rules and the module (slow to load) waits for the first file that
 * holds a keyword; any other version is loaded up front and read, as with a .secretlintrc.
 */
function defaultSetup(): SecretlintSetup {
  const entry: SecretlintRcRule = { id: PRESET_RECOMMEND_ID };
  if (installedPackageVersion(PRESET_RECOMMEND_ID) !== PRESET_KEYWORDS_CHECKED_AGAINST) {
    let setup: Promise<SecretlintSetup> | undefined;
    return {
      configFor: async (content, ext, present) =>
        (await (setup ??= buildSetup({ rules: [entry] }, '.secretlintrc', undefined))).configFor(content, ext, present),
    };
  }
  let creator: Promise<unknown> | undefined;
  return filteredSetup(
    { entry, ruleIds: Object.keys(PRESET_TRIGGERS), creator: () => (creator ??= resolveRuleCreator(PRESET_RECOMMEND_ID)), position: 0 },
    [],
    {},
  );
}

async function buildSetup(rc: SecretlintRc, fileName: string, baseDirectory: string | undefined): Promise<SecretlintSetup> {
  const entries = rc.rules;
  const listsPreset = entries.some(isBundledPreset);
  const all = listsPreset ? entries : [{ id: PRESET_RECOMMEND_ID }, ...entries];
  const resolvedRules: ResolvedRule[] = await Promise.all(
    all.map(async (entry) => {
      const creator = await resolveRuleCreator(entry.id, baseDirectory).catch((error: Error) => {
        const where = `${fileName}: rules[${entries.indexOf(entry)}].id`;
        // An id that is not a package name is not quoted: it is repository content of any shape.
        if (!isPackageName(entry.id)) throw new ConfigError(`${where}: ${error.message}`);
        throw new ConfigError(`${where}: cannot load secretlint rule "${entry.id}" (${error.message}); install it in the repository or remove it`);
      });
      return { entry, creator };
    }),
  );
  const sharedOptions = rc.sharedOptions ? { sharedOptions: rc.sharedOptions } : {};
  const preset = resolvedRules.find(({ entry }) => !entry.disabled && isBundledPreset(entry));
  const presetRuleIds = preset ? enabledRuleIds(preset.creator, preset.entry) : undefined;
  if (!preset || !presetRuleIds) {
    // A preset we cannot see into (or none): every file gets the whole configuration.
    const config = { rules: resolvedRules.map(({ entry, creator }) => configRule(entry, creator)), ...sharedOptions };
    return { configFor: async () => config };
  }
  const others = resolvedRules.filter((r) => r !== preset);
  const position = resolvedRules.indexOf(preset);
  return filteredSetup({ entry: preset.entry, ruleIds: presetRuleIds, creator: async () => preset.creator, position }, others, sharedOptions);
}

/** One config per distinct selection of preset rules, next to the other rules, which always run. */
function filteredSetup(preset: FilteredPreset, others: readonly ResolvedRule[], sharedOptions: Pick<SecretLintCoreConfig, 'sharedOptions'>): SecretlintSetup {
  const filter = new PresetFilter(preset.ruleIds, { awsIdScan: awsIdScanEnabled(preset.entry) });
  const configs = new Map<string, SecretLintCoreConfig>();
  return {
    async configFor(content, ext, present) {
      const selection = filter.select(content, ext, present);
      if (selection.ruleIds.size === 0 && others.length === 0) return undefined;
      let config = configs.get(selection.key);
      if (!config) {
        const { ruleIds } = selection;
        const presetRule = {
          ...preset.entry,
          rule: presetRegistering(await preset.creator(), (id) => ruleIds.has(id)),
        } as unknown as SecretLintCoreConfigUnionRule;
        const rules = others.map((r) => configRule(r.entry, r.creator));
        rules.splice(preset.position, 0, presetRule);
        config = { rules, ...sharedOptions };
        configs.set(selection.key, config);
      }
      return config;
    },
  };
}

/** A rule or preset entry as core takes it; a preset never registers the rules the entry disables. */
function configRule(entry: SecretlintRcRule, creator: unknown): SecretLintCoreConfigUnionRule {
  const disabled = disabledRuleIds(entry);
  const isPreset = (creator as PresetCreator)?.meta?.type === 'preset';
  const rule = isPreset && disabled.size > 0 ? presetRegistering(creator, (id) => !disabled.has(id)) : creator;
  return { ...entry, rule } as unknown as SecretLintCoreConfigUnionRule;
}

function disabledRuleIds(entry: SecretlintRcRule): Set<string> {
  return new Set((entry.rules ?? []).filter((r) => r.disabled).flatMap((r) => candidatePackageNames(r.id)));
}

interface PresetCreator {
  readonly meta: { readonly type?: string };
  readonly rules?: ReadonlyArray<{ readonly meta?: { readonly id?: string } }>;
  create(context: { registerRule(rule: { meta: { id: string } }, defaultValue?: unknown): void }, options: unknown): unknown;
}

/**
 * The preset's rules minus those the entry disables, in registration order; undefined when the preset does not
 * list its rules. (`disabled: true` on a rule inside a preset, as secretlint documents it, is not honoured by
 * @secretlint/core 13: the preset registers every rule regardless. Registering only the enabled ones makes a
 * team's `.secretlintrc` mean what it says.)
 */
function enabledRuleIds(creator: unknown, entry: SecretlintRcRule): string[] | undefined {
  const preset = creator as PresetCreator;
  const ids = preset?.meta?.type === 'preset' && Array.isArray(preset.rules) ? preset.rules.map((r) => r?.meta?.id) : undefined;
  if (!ids || ids.some((id) => typeof id !== 'string')) return undefined;
  const disabled = disabledRuleIds(entry);
  return (ids as string[]).filter((id) => !disabled.has(id));
}

function awsIdScanEnabled(entry: SecretlintRcRule): boolean {
  return (entry.rules ?? []).some((r) => candidatePackageNames(r.id).includes('@secretlint/secretlint-rule-aws') && Boolean(r.options?.enableIDScanRule));
}

/** The preset, registering only the rules `keep` accepts: the same rule objects and options, fewer of them. */
function presetRegistering(creator: unknown, keep: (ruleId: string) => boolean): unknown {
  const preset = creator as PresetCreator;
  return {
    ...preset,
    create(context: Parameters<PresetCreator['create']>[0], options: unknown) {
      const filtered = Object.create(context) as typeof context;
      filtered.registerRule = (rule, defaultValue) => {
        if (keep(rule.meta.id)) context.registerRule(rule, defaultValue);
      };
      return preset.create(filtered, options);
    },
  };
}

function expectObject(value: unknown, where: string, keyPath: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, keyPath, 'expected a mapping');
  return value as Record<string, unknown>;
}

/** Key paths hold the file's own keys, and a key may be a secret pasted in the wrong place: they are quoted. */
function fail(where: string, keyPath: string, message: string): never {
  throw new ConfigError(`${where}: ${quote(keyPath)}: ${message}`);
}
