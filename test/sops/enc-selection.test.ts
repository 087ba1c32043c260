import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ciphertextSpans } from '../../src/sops/ciphertext-spans.js';
import { encProblem, parseEnc } from '../../src/sops/enc.js';
import type { SopsMetadata } from '../../src/sops/model.js';
import { shouldBeEncrypted } from '../../src/sops/selection.js';
import { parseStore } from '../../src/sops/stores/index.js';
import { enc, IV, TAG, yamlMetadata } from '../helpers/sops-samples.js';

describe('ENC grammar', () => {
  it('accepts what sops writes, every type', () => {
    for (const t of ['str', 'int', 'float', 'bool', 'time', 'bytes', 'comment']) expect(encProblem(enc(t))).toBeUndefined();
    expect(parseEnc(enc('int', 'Ag=='))).toEqual({ data: 'Ag==', iv: IV, tag: TAG, type: 'int' });
  });

  it.each([
    ['ENC[AES256_GCM,data:QUJD,iv:AAAA,tag:x]', 'not of the form'],
    [`ENC[AES256_GCM,data:QUJ,iv:${IV},tag:${TAG},type:str]`, 'data is not standard padded base64'],
    [`ENC[AES256_GCM,data:QUJD,iv:AAAAAAAAAAAAAAAA,tag:${TAG},type:str]`, 'iv is 12 bytes, sops writes 32'],
    [`ENC[AES256_GCM,data:QUJD,iv:${IV},tag:AAAAAAAAAAAAAAAAAAAA,type:str]`, 'tag is 15 bytes'],
    [`ENC[AES256_GCM,data:QUJD,iv:${IV},tag:${TAG},type:json]`, 'unknown type "json"'],
    [`ENC[AES256_GCM,data:QUJD,iv:${IV},tag:${TAG},type:str] `, 'not of the form'],
  ])('rejects %s', (text, reason) => expect(encProblem(text)).toContain(reason));

  it('never quotes the data in a reason', () => {
    const data = fc.oneof(fc.string({ minLength: 16 }), fc.stringMatching(/^[A-Za-z0-9+/=]{16,40}$/));
    const type = fc.constantFrom('str', 'json', 'STR', '', 'x y');
    const iv = fc.constantFrom(IV, 'AAAA', 'not base64!');
    fc.assert(
      fc.property(data, type, iv, (d, t, v) => {
        const reason = encProblem(`ENC[AES256_GCM,data:${d},iv:${v},tag:${TAG},type:${t}]`);
        return reason === undefined || !reason.includes(d);
      }),
      { numRuns: 500 },
    );
  });
});

type Selection = SopsMetadata['selection'];
const leaf = (path: string[], comments: string[][] = [[]], isComment = false) => ({ path, commentStack: comments, isComment });
const sel = (setting: Selection[number]['setting'], value: string): Selection => [{ setting, value }];

describe('shouldBeEncrypted (sops.go)', () => {
  it('default: `_unencrypted` on any path element exempts the subtree', () => {
    expect(shouldBeEncrypted(leaf(['a', 'b']), [])).toBe(true);
    expect(shouldBeEncrypted(leaf(['nested_unencrypted', 'deep']), [])).toBe(false);
  });

  it('encrypted_regex: any path element, unanchored, covers the whole subtree', () => {
    const s = sel('encrypted_regex', '^(data|stringData)$');
    expect(shouldBeEncrypted(leaf(['data', 'nested', 'x']), s)).toBe(true);
    expect(shouldBeEncrypted(leaf(['spec', 'data']), s)).toBe(true);
    expect(shouldBeEncrypted(leaf(['metadata', 'name']), s)).toBe(false);
    expect(shouldBeEncrypted(leaf(['password'], [[]]), sel('encrypted_regex', 'pass'))).toBe(true);
  });

  it('an invalid RE2 pattern never matches (sops ignores the error)', () => {
    expect(shouldBeEncrypted(leaf(['password']), sel('encrypted_regex', '^(?!meta).*'))).toBe(false);
    expect(shouldBeEncrypted(leaf(['password']), sel('unencrypted_regex', '^(?!meta).*'))).toBe(true);
  });

  it('suffixes', () => {
    expect(shouldBeEncrypted(leaf(['db_secret', 'x']), sel('encrypted_suffix', '_secret'))).toBe(true);
    expect(shouldBeEncrypted(leaf(['db']), sel('encrypted_suffix', '_secret'))).toBe(false);
    expect(shouldBeEncrypted(leaf(['db_plain']), sel('unencrypted_suffix', '_plain'))).toBe(false);
  });

  it('comment regexes look at every stacked comment; the encrypted marker itself stays plaintext', () => {
    const s = sel('encrypted_comment_regex', 'sops:enc');
    expect(shouldBeEncrypted(leaf(['a', 'b'], [[' sops:enc'], []]), s)).toBe(true);
    expect(shouldBeEncrypted(leaf(['a'], [[' other']]), s)).toBe(false);
    expect(shouldBeEncrypted(leaf([], [[' sops:enc']], true), s)).toBe(false);
    expect(shouldBeEncrypted(leaf([], [[' sops:enc', ' next']], true), s)).toBe(true);
    expect(shouldBeEncrypted(leaf(['a'], [[' keep plain']]), sel('unencrypted_comment_regex', 'plain'))).toBe(false);
  });
});

describe('ciphertextSpans', () => {
  it('covers ENC values (comments too) and the metadata, nothing else', () => {
    const content = `plain: hello\nsecret: ${enc()}\n#${enc('comment')}\n${yamlMetadata()}`;
    const spans = ciphertextSpans(content, 's.yaml');
    const covered = (text: string): boolean => spans.some(([s, e]) => s <= content.indexOf(text) && content.indexOf(text) + text.length <= e);
    expect(covered(`secret: ${enc()}`.slice(8))).toBe(true);
    expect(covered(enc('comment'))).toBe(true);
    expect(covered('-----BEGIN AGE ENCRYPTED FILE-----')).toBe(true);
    expect(covered('hello')).toBe(false);
  });

  it('is empty for ordinary text', () => expect(ciphertextSpans('password = hunter2\n', 'a.ini')).toEqual([]));
});

describe('parsers never throw', () => {
  it.each(['yaml', 'json', 'dotenv', 'ini', 'binary'] as const)('%s on arbitrary input', (store) => {
    const yamlish = fc
      .array(
        fc.constantFrom('a: ', '- ', '#c', '\n', '  ', '{', '}', '[', ']', '&x ', '*x', '"', "'", 'sops:', ': ', '---\n', '=', ';', '\\', 'ENC[', '1', '|'),
        { maxLength: 40 },
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), yamlish), (text) => {
        const r = parseStore(store, text);
        return typeof r === 'object' && r.store === store;
      }),
      { numRuns: 300 },
    );
  });
});
