/**
 * Which creation rule sops uses for a file: config/config.go `parseCreationRuleForFile` (docs/sops-format.md §1.4).
 * The path is made relative to the config's directory; rules are tried in order and the first match wins; a rule
 * without `path_regex` matches at once; otherwise Go `regexp.MatchString` (RE2, unanchored). A pattern that does
 * not compile stops the search with sops' error, but only when the loop reaches it.
 */
import { posix } from 'node:path';
import type { CreationRule, SopsConfig } from './parse.js';
import { compileRe2Uncached, type CompiledPattern } from '../re2.js';

export type RuleMatch =
  | { readonly status: 'matched'; readonly rule: CreationRule }
  /** sops: "error loading config: no matching creation rules found". */
  | { readonly status: 'none' }
  /** sops: "can not compile regexp: ..." for the rule the loop stopped at. */
  | { readonly status: 'invalid-regex'; readonly rule: CreationRule; readonly error: string };

/**
 * The path sops matches for `filePath` under the config at `configPath` (both repository-relative, `/`-separated):
 * relative to the config's directory. A file outside that directory keeps its full path (sops would use the
 * absolute path there, which a repository-relative guard cannot reproduce).
 */
export function pathForMatching(configPath: string, filePath: string): string {
  const dir = posix.dirname(configPath);
  if (dir === '.' || dir === '') return filePath;
  return filePath.startsWith(`${dir}/`) ? filePath.slice(dir.length + 1) : filePath;
}

/** The rule sops would pick for a path already relative to the config's directory (see pathForMatching). */
export function findCreationRule(config: SopsConfig, relativePath: string): RuleMatch {
  for (const rule of config.creationRules) {
    const compiled = compiledPathRegex(rule);
    if (!compiled) return { status: 'matched', rule };
    if (!compiled.ok) return { status: 'invalid-regex', rule, error: `can not compile regexp: ${compiled.error}` };
    if (compiled.regex.find(relativePath)) return { status: 'matched', rule };
  }
  return { status: 'none' };
}

/**
 * Each rule's path_regex, compiled once for as long as its parsed config lives: every file asks every rule before
 * its match, so a shared cache smaller than the config would compile the whole list again for each file.
 */
const compiledPathRegexes = new WeakMap<CreationRule, CompiledPattern>();

/** The rule's compiled path_regex; undefined when it has none (it matches every file). */
export function compiledPathRegex(rule: CreationRule): CompiledPattern | undefined {
  if (rule.pathRegex === undefined) return undefined;
  let compiled = compiledPathRegexes.get(rule);
  if (!compiled) compiledPathRegexes.set(rule, (compiled = compileRe2Uncached(rule.pathRegex)));
  return compiled;
}
