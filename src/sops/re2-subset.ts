/**
 * Most `.sops.yaml` patterns are literals, `.*`, a class, an alternation and an anchor. For those a JavaScript
 * RegExp answers exactly as RE2 does, and a staged check need not load re2js (a large module that decodes its
 * Unicode tables on load, a sizeable part of the commit's time). This recognises that subset and writes it as a
 * RegExp; anything else returns undefined and is left to re2js. Inside the subset the engines cannot disagree:
 * - literals (escaped where they are RegExp syntax), escaped ASCII punctuation, and \t \n \r \f \v;
 * - `.` is any character but a newline in RE2, so it becomes `[^\n]` (JS's `.` also refuses \r, U+2028, U+2029);
 * - \d \w \s (and \D \W \S outside classes) are ASCII in RE2 and are written out as ASCII classes (JS's \s is
 *   Unicode);
 * - bracket classes of literals, ranges and \d \w \s; none that starts with `]` (a literal in RE2, the empty
 *   class in JS) or holds `[` (POSIX classes);
 * - groups, `|`, and `*` `+` `?` (greedy or lazy) right after an atom; `^` and `$` mean the start and end of the
 *   text in both (RE2's default, JS without the m flag);
 * - the u flag makes `.` and classes take whole code points, as RE2 takes UTF-8 characters.
 * Flags, counted repetition, \b, \A, \z, \p, \x, octal and named groups go to re2js, as does anything RE2 rejects.
 *
 * JS backtracks where RE2 does not, so the subset also bounds the work: a pattern that a backtracking search can
 * read more than MAX_WAYS ways from one start position (counted by ReadingWays, for texts up to REGEXP_TEXT_LIMIT;
 * longer ones never reach the RegExp) goes to re2js. That sends away two unbounded repetitions in a row (`.*a.*b`),
 * runs of `?` (`a?a?a?...aaa`, exponential), overlapping alternatives in a row (`(a|ab)(a|ab)...`), and every
 * repetition of a group that can be read more than one way (`(a+)+`, `(a|b)*`).
 */

import { ReadingWays } from './re2-ways.js';

/** RegExp syntax characters: escaped when they stand for themselves. */
const SYNTAX = new Set('^$\\.*+?()[]{}|/');
/** Characters that must also be escaped inside a class. */
const CLASS_SYNTAX = new Set([...SYNTAX, '-']);
const CONTROL_ESCAPES: Readonly<Record<string, string>> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v' };
const CONTROL_SOURCE: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '\f': '\\f', '\v': '\\v' };
/** RE2's Perl classes, ASCII only, as class contents. */
const PERL_CLASSES: Readonly<Record<string, string>> = { d: '0-9', w: '0-9A-Za-z_', s: '\\t\\n\\f\\r ' };
/**
 * Texts longer than this never run as a RegExp (re2.ts hands them to re2js): it caps the lengths a repetition can
 * take, and so the work of a backtracking search.
 */
export const REGEXP_TEXT_LIMIT = 128;
/**
 * Readings per start position a pattern may have and still run as a RegExp (see ReadingWays): one unbounded
 * repetition (129 lengths) with one `?` or two overlapping alternatives (`.*\.ya?ml$`), or up to 258 finite
 * choices. Even at this bound a worst-case text costs a RegExp far more than it costs re2js: the RegExp is there to
 * spare common patterns the loading of re2js, not to be fast on hostile ones.
 */
const MAX_WAYS = (REGEXP_TEXT_LIMIT + 1) * 2;

export function re2SubsetAsRegExp(pattern: string): RegExp | undefined {
  const source = translate([...pattern]);
  if (source === undefined) return undefined;
  try {
    return new RegExp(source, 'u');
  } catch {
    return undefined; // not expected inside the subset; re2js will judge the pattern
  }
}

function translate(chars: readonly string[]): string | undefined {
  let out = '';
  let i = 0;
  let depth = 0;
  const ways = new ReadingWays(REGEXP_TEXT_LIMIT);
  /** Whether the previous item can take a repetition (a second operator in a row is an RE2 error: re2js says so). */
  let repeatable = false;
  while (i < chars.length) {
    const c = chars[i++]!;
    if (c === '*' || c === '+' || c === '?') {
      if (!repeatable || !ways.repeat(c === '?' ? 'optional' : 'unbounded')) return undefined;
      out += c;
      if (chars[i] === '?') out += chars[i++];
      repeatable = false;
      continue;
    }
    repeatable = true;
    if (c === '\\') {
      const escaped = escapeOutsideClass(chars[i++]);
      if (escaped === undefined) return undefined;
      out += escaped.source;
      ways.atom(escaped.literal);
    } else if (c === '.') {
      out += '[^\\n]';
      ways.atom();
    } else if (c === '[') {
      const parsed = bracketClass(chars, i);
      if (!parsed) return undefined;
      out += parsed.source;
      i = parsed.next;
      ways.atom();
    } else if (c === '(') {
      if (chars[i] === '?') {
        if (chars[i + 1] !== ':') return undefined;
        i += 2;
      }
      out += '(?:';
      depth++;
      ways.open();
      repeatable = false;
    } else if (c === ')') {
      if (depth-- === 0) return undefined;
      out += ')';
      ways.close();
    } else if (c === '|') {
      out += '|';
      ways.alternative();
      repeatable = false;
    } else if (c === '^' || c === '$') {
      out += c;
      ways.assertion();
      repeatable = false;
    } else if (c === '{' || c === '}' || c === ']' || isSurrogate(c)) {
      return undefined;
    } else {
      out += SYNTAX.has(c) ? `\\${c}` : c;
      ways.atom(c);
    }
  }
  return depth === 0 && ways.total() <= MAX_WAYS ? out : undefined;
}

/** An escape outside a class: its RegExp source, and the one character it stands for unless it is a Perl class. */
function escapeOutsideClass(c: string | undefined): { source: string; literal?: string } | undefined {
  if (c === undefined) return undefined; // a trailing backslash
  const lower = c.toLowerCase();
  if (lower in PERL_CLASSES) return { source: c === lower ? `[${PERL_CLASSES[lower]}]` : `[^${PERL_CLASSES[lower]}]` };
  const literal = escapedLiteral(c);
  if (literal === undefined) return undefined;
  return { source: CONTROL_SOURCE[literal] ?? (SYNTAX.has(literal) ? `\\${literal}` : literal), literal };
}

/** The character an escape inside or outside a class stands for: a control escape or ASCII punctuation. */
function escapedLiteral(c: string | undefined): string | undefined {
  if (c === undefined) return undefined;
  if (c in CONTROL_ESCAPES) return CONTROL_ESCAPES[c];
  return /^[!-/:-@[-`{-~]$/.test(c) ? c : undefined;
}

type ClassAtom = { readonly literal: string } | { readonly set: string };

/** A bracket class starting after its `[`; returns its source and the index after its `]`. */
function bracketClass(chars: readonly string[], start: number): { source: string; next: number } | undefined {
  let i = start;
  const negated = chars[i] === '^';
  if (negated) i++;
  if (chars[i] === ']') return undefined;
  let items = '';
  for (;;) {
    if (i >= chars.length) return undefined;
    if (chars[i] === ']') break;
    const low = classAtom(chars, i);
    if (!low) return undefined;
    i = low.next;
    if ('set' in low.atom) {
      items += low.atom.set;
      continue;
    }
    // RE2 (Perl mode) reads `-` as a range only between two characters, never before the closing `]`.
    if (chars[i] === '-' && i + 1 < chars.length && chars[i + 1] !== ']') {
      const high = classAtom(chars, i + 1);
      if (!high || !('literal' in high.atom)) return undefined;
      if (high.atom.literal.codePointAt(0)! < low.atom.literal.codePointAt(0)!) return undefined;
      items += `${classSource(low.atom.literal)}-${classSource(high.atom.literal)}`;
      i = high.next;
    } else {
      items += classSource(low.atom.literal);
    }
  }
  return { source: `[${negated ? '^' : ''}${items}]`, next: i + 1 };
}

function classAtom(chars: readonly string[], i: number): { atom: ClassAtom; next: number } | undefined {
  const c = chars[i];
  if (c === undefined || c === '[' || isSurrogate(c)) return undefined;
  if (c !== '\\') return { atom: { literal: c }, next: i + 1 };
  const escaped = chars[i + 1];
  if (escaped !== undefined && escaped in PERL_CLASSES) return { atom: { set: PERL_CLASSES[escaped]! }, next: i + 2 };
  const literal = escapedLiteral(escaped);
  return literal === undefined ? undefined : { atom: { literal }, next: i + 2 };
}

function classSource(c: string): string {
  return CONTROL_SOURCE[c] ?? (CLASS_SYNTAX.has(c) ? `\\${c}` : c);
}

function isSurrogate(c: string): boolean {
  const code = c.charCodeAt(0);
  return c.length === 1 && code >= 0xd800 && code <= 0xdfff;
}
