/**
 * Go `regexp` semantics for the patterns of `.sops.yaml` and of sops metadata (path_regex, encrypted_regex...):
 * the same syntax (no look-around, no back-references) and matching in time linear in the input. Patterns in the
 * common subset run as JavaScript RegExps (re2-subset.ts); the rest, and long texts, go to re2js, a port of the RE2
 * engine itself, loaded only when first needed. Each pattern is compiled once.
 */
import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';
import { re2SubsetAsRegExp } from './re2-subset.js';

/** Go `regexp.MatchString`: unanchored, true when the pattern matches anywhere in `text`. */
export interface Re2Pattern {
  find(text: string): boolean;
}

export type CompiledPattern = { readonly ok: true; readonly regex: Re2Pattern } | { readonly ok: false; readonly error: string };

/**
 * Past this length a text goes to re2js even when the pattern has a RegExp twin: backtracking over the subset is
 * polynomial (two unbounded repetitions at most, cubic at worst), which stays small only for short texts. The
 * worst case measured, `.*a.*b` against 128 `a`s, is about 1.5 ms; paths and keys are rarely that long.
 */
const REGEXP_TEXT_LIMIT = 128;

const cache = new Map<string, CompiledPattern>();
const CACHE_LIMIT = 1000;

export function compileRe2(pattern: string): CompiledPattern {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const compiled = compileUncached(pattern);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(pattern, compiled);
  return compiled;
}

function compileUncached(pattern: string): CompiledPattern {
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
