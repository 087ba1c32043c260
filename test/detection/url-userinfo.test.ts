/**
 * The URL finder looks for `scheme://user:password@host` from each `://` instead of running one regex over the
 * whole text; it must find exactly what that regex finds, wherever schemes, words and separators fall.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { urlsWithUserinfo } from '../../src/detection/url-credentials.js';

const WHOLE_TEXT_REGEX = /\b([a-z][a-z0-9+.-]{1,30}):\/\/([^\s:/?#@"'`<>]{0,100}):([^\s@/?#"'`<>]{1,200})@([\w.-]+)/gi;

const found = (text: string): string[] => [...urlsWithUserinfo(text)].map((m) => `${m.index}:${m[0]}`);
const expected = (text: string): string[] => [...text.matchAll(WHOLE_TEXT_REGEX)].map((m) => `${m.index}:${m[0]}`);

/** Pieces that make schemes, userinfo and hosts meet in every way: word and non-word neighbours, long runs. */
const PIECES = [
  '://',
  ':',
  '@',
  '/',
  'a',
  'Z',
  '9',
  '_',
  '+',
  '.',
  '-',
  ' ',
  '\n',
  '"',
  'é',
  'https',
  'redis',
  'mongodb+srv',
  'user',
  'pa55',
  'host.io',
  'x'.repeat(29),
];

describe('urlsWithUserinfo', () => {
  it('finds what the whole-text regex finds, on text built from URL pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(found(text)).toEqual(expected(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds URLs next to each other, at the start and end of the text, and behind long scheme-like runs', () => {
    for (const text of [
      'redis://u:secret@cache',
      'ab://u:p@h.b://v:q@i',
      'x_amqp://u:p@h and amqp://u:p@h',
      `${'s'.repeat(40)}://u:p@h ${'s'.repeat(31)}://u:p@h ${'s'.repeat(30)}://u:p@h`,
      'see (postgres://admin:hunter22@db.internal:5432/app)',
    ]) {
      expect(found(text), text).toEqual(expected(text));
    }
    expect(found('ab://u:p@h.b://v:q@i')).toHaveLength(1);
    expect(found(`${'s'.repeat(30)}://u:p@h`)).toHaveLength(1);
  });
});
