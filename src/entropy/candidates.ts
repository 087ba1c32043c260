/**
 * One pass over a file's lines finding the tokens worth measuring: base64/hex-alphabet runs inside quoted
 * strings (`"..."`, `'...'`, `` `...` ``) and inside unquoted assignment values (`KEY=...`, `key: ...`,
 * `key = ...`, `key := ...`, `key => ...`), each with the key it is assigned to when there is one. Lines in PEM
 * blocks (the private-key rule owns those), sops metadata lines and lines longer than `maxLineLength` (minified
 * or generated data) are skipped.
 */
import { blankIgnoredSpans, isSopsMetadataLine } from './filters.js';

export interface Candidate {
  readonly token: string;
  /** Offset of the token in the file. */
  readonly index: number;
  /** The key the value is assigned to, if any. */
  readonly key?: string;
  /** Text of the value before the token (to see `sha256:` prefixes). */
  readonly before: string;
}

const QUOTED = /"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|`([^`\n]*)`/g;
const UNQUOTED_ASSIGNMENT = /(?:^|[\s,;{(])(?:export\s+)?([A-Za-z_][\w.-]*)\s*(?:=>|:=|=|:(?=\s))\s*([^\s"'`,;]+)/g;
const KEY_BEFORE_QUOTE = /([A-Za-z_][\w.-]*)["']?\s*(?:=>|:=|\?\?=|\|\|=|=|:)\s*$/;
const TOKEN = /[A-Za-z0-9+/_-]+={0,2}/g;
const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]+-----/;
const PEM_END = /-----END [A-Z0-9 ]+-----/;

/** Characters a token may contain (base64, base64url, hex, padding). */
const TOKEN_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_=-') TOKEN_CHAR[c.charCodeAt(0)] = 1;

/**
 * Whether a line has a run of token characters at least `minLength` long: a line without one cannot hold a
 * candidate. A plain loop: on a 10 MB scan it is several times cheaper than the equivalent regex test.
 */
function hasLongRun(line: string, minLength: number): boolean {
  let run = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code < 128 && TOKEN_CHAR[code] === 1) {
      if (++run >= minLength) return true;
    } else run = 0;
  }
  return false;
}

export function* candidateTokens(content: string, minLength: number, maxLineLength: number): Generator<Candidate> {
  let inPem = false;
  for (let start = 0; start < content.length; ) {
    const newline = content.indexOf('\n', start);
    const end = newline === -1 ? content.length : newline;
    const line = content.slice(start, end);
    const lineStart = start;
    start = end + 1;
    if (line.length < minLength || line.length > maxLineLength) continue;
    if (inPem || (line.includes('-----BEGIN ') && PEM_BEGIN.test(line))) {
      // A one-line PEM (JSON `\n` escapes) or a block: skip until its END line.
      inPem = !PEM_END.test(line);
      continue;
    }
    // Most lines of code and config have no long token at all; one cheap test spares them the full parse.
    if (!hasLongRun(line, minLength) || isSopsMetadataLine(line)) continue;
    yield* lineCandidates(blankIgnoredSpans(line), lineStart, minLength);
  }
}

function* lineCandidates(line: string, lineStart: number, minLength: number): Generator<Candidate> {
  for (const m of line.matchAll(QUOTED)) {
    const value = m[1] ?? m[2] ?? m[3] ?? '';
    if (value.length < minLength) continue;
    const key = KEY_BEFORE_QUOTE.exec(line.slice(Math.max(0, m.index - 80), m.index))?.[1];
    yield* valueTokens(value, lineStart + m.index + 1, key, minLength);
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
    yield { token: t[0], index: valueIndex + t.index, before: value.slice(Math.max(0, t.index - 8), t.index), ...(key ? { key } : {}) };
  }
}
