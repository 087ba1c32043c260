/**
 * The shared prefilter: one case-insensitive pass over a file finds which keyword owners have a keyword in it. Each
 * rule declares its owners (`meta.keywords`: a detector of its own, a token format, a rule of secretlint's preset)
 * and may report only in a file holding one of their keywords; every rule asks the same answer
 * (`SourceFile.keywordOwners()`), so a file holding none of them costs one scan however many detectors there are.
 */
import type { Rule } from '../types.js';
import { KeywordSearch } from '../util/keyword-search.js';
import { ruleRegistry } from './rule-registry.js';

/** Every rule's keyword owners in one table; an owner two rules declare keeps the keywords of both. */
export function keywordTable(rules: Iterable<Pick<Rule<unknown>, 'meta'>>): ReadonlyMap<string, readonly string[]> {
  const table = new Map<string, string[]>();
  for (const { meta } of rules) {
    for (const [owner, keywords] of Object.entries(meta.keywords ?? {})) table.set(owner, [...new Set([...(table.get(owner) ?? []), ...keywords])]);
  }
  return table;
}

// Built once from the registry: the rules and their keywords are fixed for the process, not per file.
let search: KeywordSearch<string> | undefined;

/** The keyword owners whose keywords occur in `content`. */
export function keywordOwnersIn(content: string): ReadonlySet<string> {
  search ??= new KeywordSearch(keywordTable(ruleRegistry.values()));
  return search.addOwnersIn(content, new Set());
}
