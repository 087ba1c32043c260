/**
 * One pass over a file's lines finding the tokens worth measuring: base64/hex-alphabet runs inside quoted
 * strings (`"..."`, `'...'`, `` `...` ``) and inside unquoted assignment values (`KEY=...`, `key: ...`,
 * `key = ...`, `key := ...`, `key => ...`), each with the key it is assigned to when there is one (for a quoted
 * value, also the quoted name before it in a call or a pair: `getenv("SECRET_KEY", "...")`). Lines in PEM
 * blocks (the private-key rule owns those) and lines longer than `maxLineLength` (minified or generated data) are
 * skipped. sops metadata lines are not: the engine skips only their ciphertext and recipients.
 */
import { asciiClass, DIGITS, LETTERS } from '../util/ascii-class.js';
import { blankIgnoredSpans } from './filters.js';

export interface Candidate {
  readonly token: string;
  /** Offset of the token in the file. */
  readonly index: number;
  /** The key the value is assigned to, if any. */
  readonly key?: string | undefined;
  /** Text of the value before the token (to see `sha256:` prefixes). */
  readonly before: string;
  /** The whole quoted or assigned value the token is part of. */
  readonly value: string;
}

const QUOTED = /"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|`([^`\n]*)`/g;
const UNQUOTED_ASSIGNMENT = /(?:^|[\s,;{(])(?:export\s+)?([A-Za-z_][\w.-]*)\s*(?:=>|:=|=|:(?=\s))\s*([^\s"'`,;]+)/g;
const KEY_BEFORE_QUOTE = /([A-Za-z_][\w.-]*)["']?\s*(?:=>|:=|\?\?=|\|\|=|=|:)\s*$|["']([A-Za-z_][\w.-]*)["']\s*,\s*$/;
const TOKEN = /[A-Za-z0-9+/_-]+={0,2}/g;
const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]+-----/;
const PEM_END = /-----END [A-Z0-9 ]+-----/;

/** Characters a token may contain (base64, base64url, hex, padding). */
const isTokenChar = asciiClass(`${LETTERS}${DIGITS}+/_=-`);

/**
 * Only lines holding a run of at least `minLength` token characters can hold a candidate, and most lines of code
 * and config have none. One loop over the whole text finds those lines and jumps to the end of each: faster than a
 * loop per line, and much faster than the equivalent regexes (`[...]{20,}` re-reads every short run from each of
 * its characters); figures in docs/performance.md.
 */
export function* candidateTokens(content: string, minLength: number, maxLineLength: number): Generator<Candidate> {
  const pem = pemLines(content, minLength, maxLineLength);
  for (let at = longRunEnd(content, 0, minLength); at !== -1;) {
    const lineStart = content.lastIndexOf('\n', at) + 1;
    const newline = content.indexOf('\n', at);
    const lineEnd = newline === -1 ? content.length : newline;
    // Go on from the next line: each line is parsed once, whatever its number of runs.
    at = longRunEnd(content, lineEnd + 1, minLength);
    if (lineEnd - lineStart > maxLineLength || pem.some(([from, to]) => lineStart >= from && lineStart < to)) continue;
    const line = content.slice(lineStart, lineEnd);
    yield* lineCandidates(blankIgnoredSpans(line), lineStart, minLength);
  }
}

/**
 * Where the first run of `minLength` token characters at or after `from` reaches that length, or -1. A plain
 * function, not inlined in the generator: V8 optimises the loop here several times better.
 */
function longRunEnd(content: string, from: number, minLength: number): number {
  let run = 0;
  for (let i = from; i < content.length; i++) {
    const code = content.charCodeAt(i);
    if (isTokenChar(code)) {
      if (++run >= minLength) return i;
    } else run = 0;
  }
  return -1;
}

/**
 * Spans of lines inside PEM blocks, which the private-key rule owns: from a BEGIN line to its END line, or the
 * BEGIN line alone when it also ends there (a one-line PEM in a JSON string). Lines outside the length bounds
 * neither open nor close a block, as the line filter skips them before looking.
 */
function pemLines(content: string, minLength: number, maxLineLength: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const lineAround = (at: number): [number, number] => {
    const newline = content.indexOf('\n', at);
    return [content.lastIndexOf('\n', at) + 1, newline === -1 ? content.length : newline];
  };
  const usable = ([from, to]: [number, number]) => to - from >= minLength && to - from <= maxLineLength;
  for (let begin = content.indexOf('-----BEGIN '); begin !== -1;) {
    const beginLine = lineAround(begin);
    const text = content.slice(...beginLine);
    if (!usable(beginLine) || !PEM_BEGIN.test(text)) {
      begin = content.indexOf('-----BEGIN ', beginLine[1]);
      continue;
    }
    let blockEnd = beginLine[1];
    if (!PEM_END.test(text)) {
      blockEnd = content.length;
      for (let end = content.indexOf('-----END ', beginLine[1]); end !== -1; end = content.indexOf('-----END ', lineAround(end)[1])) {
        const endLine = lineAround(end);
        if (usable(endLine) && PEM_END.test(content.slice(...endLine))) {
          blockEnd = endLine[1];
          break;
        }
      }
    }
    spans.push([beginLine[0], blockEnd + 1]);
    begin = content.indexOf('-----BEGIN ', blockEnd);
  }
  return spans;
}

function* lineCandidates(line: string, lineStart: number, minLength: number): Generator<Candidate> {
  for (const m of line.matchAll(QUOTED)) {
    const value = m[1] ?? m[2] ?? m[3] ?? '';
    if (value.length < minLength) continue;
    const named = KEY_BEFORE_QUOTE.exec(line.slice(Math.max(0, m.index - 80), m.index));
    yield* valueTokens(value, lineStart + m.index + 1, named?.[1] ?? named?.[2], minLength);
  }
  for (const m of line.matchAll(UNQUOTED_ASSIGNMENT)) {
    const value = m[2]!;
    if (value.length < minLength) continue;
    yield* valueTokens(value, lineStart + m.index + m[0].length - value.length, m[1], minLength);
  }
}

function* valueTokens(value: string, valueIndex: number, key: string | undefined, minLength: number): Generator<Candidate> {
  for (const t of value.matchAll(TOKEN)) {
    if (t[0].length < minLength) continue;
    yield { token: t[0], index: valueIndex + t.index, before: value.slice(Math.max(0, t.index - 8), t.index), value, ...(key ? { key } : {}) };
  }
}
