/**
 * Go `regexp` semantics for the patterns of `.sops.yaml` and of sops metadata (path_regex, encrypted_regex...):
 * the same syntax (no look-around, no back-references) and matching in time linear in the input. Patterns in the
 * common subset, whose backtracking is bounded, run as JavaScript RegExps (re2-subset.ts); the rest, and long
 * texts, go to re2js, a port of the RE2 engine itself, loaded only when first needed.
 */
import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';
import { re2SubsetAsRegExp, REGEXP_TEXT_LIMIT } from './re2-subset.js';

/** Go `regexp.MatchString`: unanchored, true when the pattern matches anywhere in `text`. */
interface Re2Pattern {
  find(text: string): boolean;
}

export type CompiledPattern = { readonly ok: true; readonly regex: Re2Pattern } | { readonly ok: false; readonly error: string };

/**
 * For patterns that come one at a time (a sops file's encrypted_regex, a linted config's settings): the most
 * recently used ones stay compiled. A config's path_regex list is compiled with the config instead (match.ts), so
 * a config with more rules than this never makes each file compile them all again.
 */
const cache = new Map<string, CompiledPattern>();
const CACHE_LIMIT = 1000;

export function compileRe2(pattern: string): CompiledPattern {
  const hit = cache.get(pattern);
  if (hit) {
    cache.delete(pattern); // re-inserted last: the Map's order is the order of use
    cache.set(pattern, hit);
    return hit;
  }
  const compiled = compileRe2Uncached(pattern);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(pattern, compiled);
  return compiled;
}

/** Compiles without the shared cache, for a caller that keeps the result as long as it needs it. */
export function compileRe2Uncached(pattern: string): CompiledPattern {
  const regexp = re2SubsetAsRegExp(pattern);
  if (!regexp) {
    try {
      const re2 = loadRe2js().compile(pattern);
      return { ok: true, regex: { find: (text) => re2.matcher(text).find() } };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }
  let re2: RE2JS | undefined;
  return {
    ok: true,
    regex: { find: (text) => (text.length <= REGEXP_TEXT_LIMIT ? regexp.test(text) : (re2 ??= loadRe2js().compile(pattern)).matcher(text).find()) },
  };
}

/** Go `regexp.Match` with the error ignored, as sops does: an invalid RE2 pattern never matches. */
export function re2Matches(pattern: string, text: string): boolean {
  const compiled = compileRe2(pattern);
  return compiled.ok && compiled.regex.find(text);
}

let re2js: typeof RE2JS | undefined;

/** re2js, required on first use: synchronously, so that matching stays synchronous for every caller. */
function loadRe2js(): typeof RE2JS {
  return (re2js ??= (createRequire(import.meta.url)('re2js') as { RE2JS: typeof RE2JS }).RE2JS);
}
