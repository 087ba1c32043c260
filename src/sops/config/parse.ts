/**
 * Parses a `.sops.yaml` into its creation rules, normalised for the guard (docs/sops-format.md §1.2–§1.3).
 * Never throws: YAML sops could not load comes back as diagnostics (the `sops-config` rule reports them).
 */
import { checkShape } from './check-shape.js';
import { fatalDiagnostic, tidyDiagnostics, type ConfigDiagnostic } from './diagnostic.js';
import { parseLocatedYaml, type Location, type LocatedYaml } from './located.js';
import { isRecord, keyGroupCountOf, recipientsOfRule, type ConfigRecipient } from './recipients.js';
import { goString, macOnlyEncryptedOfRule, selectionOfRule, type SelectionEntry } from './settings.js';

export interface CreationRule {
  /** Position in `creation_rules`, 0-based (what GoverningSopsRule.ruleIndex holds). */
  readonly index: number;
  /** 1-based line where the rule starts. */
  readonly line: number;
  /** undefined when absent or empty: the rule matches every file (§1.3). */
  readonly pathRegex: string | undefined;
  readonly recipients: readonly ConfigRecipient[];
  readonly keyGroupCount: number;
  /** 0 when unset. */
  readonly shamirThreshold: number;
  /** The selection settings the rule sets; empty means sops' default `unencrypted_suffix: _unencrypted`. */
  readonly selection: readonly SelectionEntry[];
  readonly macOnlyEncrypted: boolean;
  /** The rule as written (aliases and merge keys resolved): GoverningSopsRule.rule. */
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface SopsConfig {
  /** Repository-relative path of the config file. */
  readonly path: string;
  /** False when the file has no `creation_rules` list: sops then acts as if there were no config (§1.1). */
  readonly hasCreationRules: boolean;
  readonly creationRules: readonly CreationRule[];
}

export interface ParsedSopsConfig {
  readonly config: SopsConfig;
  /** Why sops could not load this config at all (invalid YAML, wrong kinds of values); empty when it can. */
  readonly diagnostics: readonly ConfigDiagnostic[];
}

export interface LocatedSopsConfig extends ParsedSopsConfig {
  readonly located: LocatedYaml;
  /** Every shape finding (unknown keys too), not only the fatal ones. */
  readonly shapeDiagnostics: readonly ConfigDiagnostic[];
}

function creationRuleOf(raw: Readonly<Record<string, unknown>>, index: number, at: Location): CreationRule {
  const pathRegex = goString(raw['path_regex']);
  const threshold = raw['shamir_threshold'];
  return {
    index,
    line: at.line,
    pathRegex: pathRegex === '' ? undefined : pathRegex,
    recipients: recipientsOfRule(raw),
    keyGroupCount: keyGroupCountOf(raw),
    shamirThreshold: typeof threshold === 'number' && Number.isInteger(threshold) ? threshold : 0,
    selection: selectionOfRule(raw),
    macOnlyEncrypted: macOnlyEncryptedOfRule(raw),
    raw,
  };
}

export function parseSopsConfigLocated(text: string, configPath: string): LocatedSopsConfig {
  const { located, problems } = parseLocatedYaml(text);
  const yamlDiagnostics = problems.map((p) => fatalDiagnostic(p.message, p.at));
  const shapeDiagnostics = yamlDiagnostics.length === 0 ? checkShape(located) : [];
  const root = isRecord(located.root) ? located.root : {};
  const list = root['creation_rules'];
  const rules = Array.isArray(list) ? list : [];
  const items = Array.isArray(list) ? located.info.get(list)?.items : undefined;
  // go-yaml decodes a null list item into an empty rule, which matches every file.
  const creationRules = rules.flatMap((raw, i) => {
    const rule = raw === null ? {} : raw;
    return isRecord(rule) ? [creationRuleOf(rule, i, located.info.get(rule)?.at ?? items?.[i] ?? located.rootAt)] : [];
  });
  return {
    config: { path: configPath, hasCreationRules: Array.isArray(list), creationRules },
    diagnostics: tidyDiagnostics([...yamlDiagnostics, ...shapeDiagnostics.filter((d) => d.fatal)]),
    located,
    shapeDiagnostics,
  };
}

/** Parses `.sops.yaml` text. `configPath` is the file's repository-relative path (kept on the result). */
export function parseSopsConfig(text: string, configPath: string): ParsedSopsConfig {
  const { config, diagnostics } = parseSopsConfigLocated(text, configPath);
  return { config, diagnostics };
}

/** Config parses keyed by path and text, owned by whoever decides how long they live (the run: RunContext). */
export type SopsConfigParses = Map<string, LocatedSopsConfig>;

/**
 * A range of 100 commits sees the same `.sops.yaml` 100 times: with the run's `parses`, each distinct text is parsed
 * once per run, so its rules (and their compiled path_regex) are made once. Without, it is parsed each time.
 */
export function parseSopsConfigIn(parses: SopsConfigParses | undefined, text: string, configPath: string): LocatedSopsConfig {
  if (!parses) return parseSopsConfigLocated(text, configPath);
  const key = `${configPath}\0${text}`;
  let parsed = parses.get(key);
  if (!parsed) parses.set(key, (parsed = parseSopsConfigLocated(text, configPath)));
  return parsed;
}
