/**
 * candidateTokens looks only at lines a whole-text search marks as holding a long token run, and finds PEM blocks
 * by searching for their markers. Against an oracle that walks every line in order, as the rule is specified,
 * it must yield the same candidates on any text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateTokens } from '../../src/entropy/candidates.js';

const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]+-----/;
const PEM_END = /-----END [A-Z0-9 ]+-----/;
const LONG_RUN = (min: number) => new RegExp(`[A-Za-z0-9+/_=-]{${min},}`);

/** Line by line: skip lines out of bounds, lines of PEM blocks, lines without a long run. */
function linesTheOracleParses(content: string, minLength: number, maxLineLength: number): number[] {
  const starts: number[] = [];
  let inPem = false;
  let start = 0;
  for (const line of content.split('\n')) {
    const lineStart = start;
    start += line.length + 1;
    if (line.length < minLength || line.length > maxLineLength) continue;
    if (inPem || PEM_BEGIN.test(line)) {
      inPem = !PEM_END.test(line);
      continue;
    }
    if (LONG_RUN(minLength).test(line)) starts.push(lineStart);
  }
  return starts;
}

const lineStartOf = (content: string, index: number) => content.lastIndexOf('\n', index) + 1;

describe('candidateTokens', () => {
  const lines = fc.oneof(
    fc.constantFrom(
      '-----BEGIN RSA PRIVATE KEY-----',
      '-----END RSA PRIVATE KEY-----',
      '"k": "-----BEGIN EC PRIVATE KEY-----\\nAbC\\n-----END EC PRIVATE KEY-----"',
      '',
    ),
    // A one-line PEM longer than the line limit, and a BEGIN line shorter than a large minimum length.
    fc.constantFrom(`"k": "-----BEGIN EC PRIVATE KEY-----\\n${'QUJD'.repeat(30)}\\n-----END EC PRIVATE KEY-----"`, '-----BEGIN A-----', '-----END A-----'),
    // secrets-guard-allow: base64 of a made-up phrase, a candidate by design
    fc.constantFrom(
      'token = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg"',
      'KEY=aGVsbG8td29ybGQtdGhpcy1pcy1sb25n',
      'short = 1',
      'mac: ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]',
    ),
    fc.string({ unit: fc.constantFrom(...'aZ09+/=_- "\'=:x'), maxLength: 60 }),
  );
  const texts = fc.array(lines, { maxLength: 14 }).map((l) => l.join('\n'));

  it('parses exactly the lines a line-by-line walk parses', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 8, max: 40 }), fc.integer({ min: 80, max: 120 }), (text, minLength, maxLineLength) => {
        const expected = linesTheOracleParses(text, minLength, maxLineLength);
        const seen = [...new Set([...candidateTokens(text, minLength, maxLineLength)].map((c) => lineStartOf(text, c.index)))];
        // Every line with a candidate is one the oracle parses (lines it parses may still yield none).
        expect(seen.every((s) => expected.includes(s))).toBe(true);
        // And every token the oracle's lines hold in a quoted or assigned value is found: compare counts per line.
        const perLine = (starts: number[]) =>
          starts.map(
            (s) => [...candidateTokens(text.slice(s, text.indexOf('\n', s) === -1 ? undefined : text.indexOf('\n', s)), minLength, maxLineLength)].length,
          );
        const found = expected.map((s) => [...candidateTokens(text, minLength, maxLineLength)].filter((c) => lineStartOf(text, c.index) === s).length);
        expect(found).toEqual(perLine(expected));
      }),
      { numRuns: 400 },
    );
  });

  it('skips a PEM block from BEGIN to END, and a one-line PEM alone', () => {
    const body = 'token = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg"'; // secrets-guard-allow: a made-up candidate
    const text = ['-----BEGIN RSA PRIVATE KEY-----', body, '-----END RSA PRIVATE KEY-----', body].join('\n');
    expect([...candidateTokens(text, 20, 500)].map((c) => lineStartOf(text, c.index))).toEqual([text.lastIndexOf(body)]);
    const unterminated = ['-----BEGIN RSA PRIVATE KEY-----', body, body].join('\n');
    expect([...candidateTokens(unterminated, 20, 500)]).toEqual([]);
  });
});
