/**
 * The keyword search against a plain reference: every keyword tried at every position with a case-insensitive
 * regex, as the prefilter's first version did. The table lookup must find exactly the same owners.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { keywordTable } from '../../src/engine/keyword-owners.js';
import { KeywordSearch, triePattern } from '../../src/util/keyword-search.js';

function reference<Owner>(keywords: ReadonlyMap<Owner, readonly string[]>, content: string): Set<Owner> {
  const found = new Set<Owner>();
  for (const [owner, list] of keywords) {
    if (list.some((k) => new RegExp(triePattern([k.toLowerCase()]), 'i').test(content))) found.add(owner);
  }
  return found;
}

/** Every rule's keyword owners, as the engine's one pass has them. */
const DETECTOR_KEYWORDS = keywordTable(rules);

const KEYWORDS = new Map<string, readonly string[]>([
  ['short', ['\\u', 'ab']],
  ['three', ['key', '://']],
  ['long', ['password=', 'kind: secret', 'ghp_']],
  ['overlap', ['keyring', 'ey']],
  ['odd', ['_x_', '[a]', 'a.b']],
]);

/** Text drawn from the keywords' characters, their other case, and characters that fold onto them. */
const TEXT = fc.string({
  unit: fc.constantFrom(...'keyKEYabAB\\uU:/_x[].pasword=PASSWORD kind:sSecretghpG\x1a\x0b\x7f|{}\u212a\u017f\u0130\n'),
  maxLength: 60,
});

describe('keyword search', () => {
  it('finds the same owners as a regex per keyword, with ASCII case folding only', () => {
    const search = new KeywordSearch(KEYWORDS);
    fc.assert(
      fc.property(TEXT, (text) => {
        expect(search.addOwnersIn(text, new Set())).toEqual(reference(KEYWORDS, text));
      }),
      { numRuns: 2000 },
    );
  });

  it("finds the rules' keywords at the very start and end of a text, in any case", () => {
    const search = new KeywordSearch(DETECTOR_KEYWORDS);
    expect(search.addOwnersIn('eyJ', new Set())).toEqual(new Set(['jwt']));
    expect(search.addOwnersIn('x CURL', new Set())).toEqual(reference(DETECTOR_KEYWORDS, 'x CURL'));
    expect(search.addOwnersIn('KEY', new Set())).toEqual(reference(DETECTOR_KEYWORDS, 'KEY'));
    expect(search.addOwnersIn('\u212aey', new Set())).toEqual(new Set()); // the Kelvin sign is not a k here
  });

  it('keeps the owners already found and refuses a one-character keyword', () => {
    const search = new KeywordSearch(KEYWORDS);
    expect(search.addOwnersIn('nothing here', new Set(['long']))).toEqual(new Set(['long']));
    expect(() => new KeywordSearch(new Map([['x', ['q']]]))).toThrow(/shorter than two/);
  });
});
