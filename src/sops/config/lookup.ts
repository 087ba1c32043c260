/**
 * What the engine needs for `ProjectView.sopsRuleFor`: from the `.sops.yaml` texts of the scanned source, the
 * creation rule that governs each path (nearest config, first matching rule, as in sops: discovery.ts, match.ts).
 * Config files are never governed by a rule, even when a pattern such as `.*.sops.yaml$` matches their name.
 */
import type { GoverningSopsRule } from '../../types.js';
import { quote } from '../../util/quote.js';
import { posix } from 'node:path';
import { isCatchAllPattern } from './catch-all.js';
import { configGoverningDirectory, isSopsConfigFile } from './discovery.js';
import { findCreationRule, pathForMatching, type RuleMatch } from './match.js';
import { parseSopsConfigIn, type SopsConfig, type SopsConfigParses } from './parse.js';

export interface SopsConfigText {
  /** Repository-relative path. */
  readonly path: string;
  readonly text: string;
}

export interface SopsRuleLookup {
  /** The governing creation rule, or undefined (no config, no creation rules, no match, or a broken regex). */
  ruleFor(path: string): GoverningSopsRule | undefined;
  /**
   * As ruleFor, but a path sops cannot decide (its config does not load, or the rule it reaches has a path_regex
   * that does not compile) comes back marked `undecidable`, to be reported rather than treated as uncovered.
   */
  governingRuleFor(path: string): GoverningSopsRule | undefined;
  /** The full outcome for a path, for callers that report "no matching rule" or a broken regex. */
  matchFor(path: string): { readonly config: SopsConfig; readonly match: RuleMatch; readonly broken?: string } | undefined;
  readonly configs: ReadonlyMap<string, SopsConfig>;
}

/**
 * @param configs every `.sops.yaml` in the scanned source.
 * @param forced a config named on the command line (`--sops-config`), which then governs every file, as sops'
 *   `--config` does.
 * @param parses the run's config parses (RunContext), so that the commits of a range share them.
 */
export function createSopsRuleLookup(configs: readonly SopsConfigText[], forced?: SopsConfigText, parses?: SopsConfigParses): SopsRuleLookup {
  const parsed = new Map<string, SopsConfig>();
  // A config sops cannot load (invalid YAML, wrong value kinds) fails every sops command: remember why, so files
  // under it are reported as undecidable rather than silently treated as uncovered.
  const broken = new Map<string, string>();
  const load = (c: SopsConfigText): SopsConfig => {
    const { config, diagnostics } = parseSopsConfigIn(parses, c.text, c.path);
    const fatal = diagnostics.find((d) => d.fatal);
    if (fatal) broken.set(c.path, `line ${fatal.line}: ${fatal.message}`);
    return config;
  };
  for (const c of configs) parsed.set(c.path, load(c));
  const forcedConfig = forced ? load(forced) : undefined;

  // Files of one directory share their config: one walk up per directory, not per file.
  const configByDirectory = new Map<string, string | undefined>();
  const configOfDirectory = (dir: string): string | undefined => {
    if (!configByDirectory.has(dir)) configByDirectory.set(dir, configGoverningDirectory(parsed.keys(), dir));
    return configByDirectory.get(dir);
  };
  const matchFor = (path: string): { config: SopsConfig; match: RuleMatch; broken?: string } | undefined => {
    if (isSopsConfigFile(path)) return undefined;
    const configPath = forcedConfig ? undefined : configOfDirectory(posix.dirname(path));
    const config = forcedConfig ?? (configPath !== undefined ? parsed.get(configPath) : undefined);
    if (!config) return undefined;
    const why = broken.get(config.path);
    if (why) return { config, match: { status: 'none' }, broken: why };
    if (!config.hasCreationRules) return undefined;
    return { config, match: findCreationRule(config, pathForMatching(config.path, path)) };
  };

  const governingRuleFor = (path: string): GoverningSopsRule | undefined => {
    const found = matchFor(path);
    if (!found) return undefined;
    const configPath = found.config.path;
    if (found.broken) return { configPath, ruleIndex: -1, rule: {}, undecidable: `${configPath} cannot be loaded by sops (${found.broken})` };
    const { match } = found;
    if (match.status === 'none') return undefined;
    const { rule } = match;
    if (match.status === 'matched') {
      // A path rule after a catch-all is never reached: sops encrypts with the catch-all, so the file is under it.
      return { configPath, ruleIndex: rule.index, rule: rule.raw, ...(isCatchAllPattern(rule.pathRegex) ? { catchAll: true as const } : {}) };
    }
    return {
      configPath,
      ruleIndex: rule.index,
      rule: rule.raw,
      undecidable: `the path_regex of creation_rules[${rule.index}] does not compile (${quote(match.error)}), so sops refuses to encrypt it`,
    };
  };

  return {
    configs: parsed,
    matchFor,
    governingRuleFor,
    ruleFor(path) {
      const governing = governingRuleFor(path);
      return governing?.undecidable ? undefined : governing;
    },
  };
}
