/**
 * Go `regexp` semantics for `.sops.yaml` patterns via re2js, a port of the same RE2 engine: the same syntax
 * (no look-around, no back-references) and matching in time linear in the input. Each pattern is compiled once.
 */
import { RE2JS } from 're2js';

export type CompiledPattern = { readonly ok: true; readonly regex: RE2JS } | { readonly ok: false; readonly error: string };

const cache = new Map<string, CompiledPattern>();
const CACHE_LIMIT = 1000;

export function compileRe2(pattern: string): CompiledPattern {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let compiled: CompiledPattern;
  try {
    compiled = { ok: true, regex: RE2JS.compile(pattern) };
  } catch (error) {
    compiled = { ok: false, error: (error as Error).message };
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(pattern, compiled);
  return compiled;
}

/** Go `regexp.MatchString`: unanchored, true when the pattern matches anywhere in `text`. */
export function re2Finds(regex: RE2JS, text: string): boolean {
  return regex.matcher(text).find();
}

const ASSERTIONS = /\^|\$|\\[AzbB]/;

/**
 * True for a pattern that certainly matches every path: it matches the empty string and contains no assertion, so
 * an unanchored search succeeds at offset 0 of any input (`.*`, `(foo)?`). Other patterns are assumed not to.
 */
export function matchesEveryPath(pattern: string): boolean {
  if (pattern === '') return true;
  const compiled = compileRe2(pattern);
  return compiled.ok && !ASSERTIONS.test(pattern) && re2Finds(compiled.regex, '');
}
