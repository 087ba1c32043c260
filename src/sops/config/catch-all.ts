/**
 * Creation rules that name no paths. A rule without `path_regex` (often the last one, or the only one) says which
 * keys and settings sops uses by default; it does not say that every file of the repository must be encrypted.
 * Coverage is asserted only by rules that name paths.
 *
 * "Matches everything" is decided by the pattern's form, not by trying it on sample paths (a pattern can match every
 * sample and still name a set of paths, such as `^[^.]*$`). A pattern is a catch-all when it is empty, or when,
 * after at most one leading `^` (or `\A`) and one trailing `$` (or `\z`) are set aside, what remains is built only
 * of `.*`, `.+` and `\.*` (groups allowed): `.*`, `^.*$`, `.*\.*`, `(.*)`, `^(.+)$`, `.*$`. A lone anchor (`^`,
 * `$`) matches every path too; `^$` matches none. Anything else, even a pattern that happens to match every path
 * (`(foo)?`, `.*|x`), is read as naming paths: the strict reading, which never hides a plaintext file.
 */
import { compileRe2 } from '../re2.js';

const LEADING_ANCHOR = /^(?:\^|\\A)/;
/** A trailing `$` or `\z` that is not itself escaped (an even number of backslashes before it). */
const TRAILING_ANCHOR = /(?<=(?:^|[^\\])(?:\\\\)*)(?:\$|\\z)$/;
/** `.*`, `.+`, `\.*` in a row. */
const ANY_TEXT = /^(?:\.\*|\.\+|\\\.\*)+$/;

export function isCatchAllPattern(pattern: string | undefined): boolean {
  if (pattern === undefined || pattern === '') return true;
  const start = LEADING_ANCHOR.exec(pattern)?.[0] ?? '';
  const afterStart = pattern.slice(start.length);
  const end = TRAILING_ANCHOR.exec(afterStart)?.[0] ?? '';
  const body = afterStart.slice(0, afterStart.length - end.length);
  if (body === '') return !(start && end);
  // Compiled only once the form is a catch-all's: an unbalanced group is not one, and a config's many ordinary
  // patterns are compiled once, by the matcher.
  return ANY_TEXT.test(withoutGroups(body)) && compileRe2(pattern).ok;
}

/** The pattern without its group parentheses (`(`, `(?:`, `)`); escaped characters stay as they are. */
function withoutGroups(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      out += pattern.slice(i, i + 2);
      i++;
    } else if (pattern.startsWith('(?:', i)) i += 2;
    else if (c !== '(' && c !== ')') out += c;
  }
  return out;
}
