/**
 * The strict "is this a sops file" test (src/sops/sops-file.ts) and what it lets the engine trust
 * (src/sops/ciphertext-spans.ts): ENC values only in sops files, at value positions, well formed and of their kind.
 */
import { describe, expect, it } from 'vitest';
import { ciphertextSpans } from '../../src/sops/ciphertext-spans.js';
import { encProblemAt } from '../../src/sops/enc.js';
import { isSopsFile } from '../../src/sops/is-sops-file.js';
import { sopsVerdict } from '../../src/sops/sops-file.js';
import { corpusFile, ENCRYPTED_CORPUS } from '../helpers/sops-corpus.js';
import { dotenvMetadata, enc, IV, TAG, yamlMetadata } from '../helpers/sops-samples.js';

const kind = (path: string, content: string): string => sopsVerdict(path, content).kind;

describe('sopsVerdict', () => {
  it.each(ENCRYPTED_CORPUS)('real sops file %s is a sops file', async (path) => {
    expect(kind(path, corpusFile(path))).toBe('sops');
    expect(await isSopsFile({ sopsVerdict: async () => sopsVerdict(path, corpusFile(path)) })).toBe(true);
  });

  it.each([
    ['.env', 'FEATURES={"sops": {"enabled": true}}\nDB_PASSWORD=x\n', 'plain'],
    ['terraform.tfstate', JSON.stringify({ version: 4, outputs: { sops: { value: { x: 1 } } } }), 'plain'],
    ['prod.tfvars', '# "sops": {\ndb_password = "x"\n', 'plain'],
    ['notes.md', 'We use sops.\n', 'plain'],
    ['Makefile', 'sops:\n\tsops -d a.yaml\n', 'unparsable'],
    ['README.md', '```yaml\nsops:\n    age: x\n```\n', 'unparsable'],
    ['values.yaml', 'replicas: 2\nsops: {enabled: true}\n', 'invalid'],
    [
      'keyless.env',
      `A=${enc()}\n${dotenvMetadata()
        .split('\n')
        .filter((l) => !l.startsWith('sops_age'))
        .join('\n')}`,
      'invalid',
    ],
    ['extra.yaml', `a: ${enc()}\n${yamlMetadata('note: hello')}`, 'invalid'],
    ['ok.yaml', `a: ${enc()}\n${yamlMetadata()}`, 'sops'],
    ['ok.env', `A=${enc()}\n${dotenvMetadata()}`, 'sops'],
  ])('%s: %s', async (path, content, expected) => {
    expect(kind(path, content)).toBe(expected);
    expect(await isSopsFile({ sopsVerdict: async () => sopsVerdict(path, content) })).toBe(expected === 'sops');
  });

  it('a block that claims to be sops (a well-formed mac) is told apart from a foreign `sops` entry', () => {
    const claims = sopsVerdict('x.yaml', `a: ${enc()}\nsops:\n  mac: ${enc()}\n  version: 3.9.0\n`);
    const foreign = sopsVerdict('values.yaml', 'sops: {enabled: true}\n');
    expect(claims.kind === 'invalid' && claims.review.claimsSops && !claims.hasMasterKey).toBe(true);
    expect(foreign.kind === 'invalid' && !foreign.review.claimsSops).toBe(true);
  });
});

describe('ENC at its position', () => {
  it('comments hold type:comment, values every other type', () => {
    expect(encProblemAt(enc('comment'), true)).toBeUndefined();
    expect(encProblemAt(enc('int'), false)).toBeUndefined();
    expect(encProblemAt(enc('str'), true)).toContain('sops encrypts comments as type:comment');
    expect(encProblemAt(enc('comment'), false)).toContain('type:comment, which sops writes for comments only');
    expect(encProblemAt(`${enc()}\r`, false)).toBeUndefined();
  });
});

describe('ciphertextSpans', () => {
  const covered = (content: string, path: string, text: string): boolean => {
    const at = content.indexOf(text);
    return ciphertextSpans(content, path).some(([s, e]) => s <= at && at + text.length <= e);
  };

  it('trusts the well-formed ENC values and comments of a sops file', () => {
    const content = `a: ${enc('str', 'QUFB')}\n#${enc('comment', 'QkJC')}\n${yamlMetadata()}`;
    expect(covered(content, 's.yaml', enc('str', 'QUFB'))).toBe(true);
    expect(covered(content, 's.yaml', enc('comment', 'QkJC'))).toBe(true);
  });

  it('trusts no ENC value outside a sops file, however well formed', () => {
    for (const [path, content] of [
      ['plain.yaml', `a: ${enc()}\n`],
      ['values.yaml', `a: ${enc()}\nsops: {enabled: true}\n`],
      ['x.yaml', `a: ${enc()}\n${yamlMetadata('note: x')}`],
    ] as const) {
      expect(covered(content, path, enc())).toBe(false);
    }
  });

  it('in a sops file: not a key, not a longer text, not the wrong kind, not a malformed value', () => {
    const cases = [
      [`"${enc('str', 'S0VZ')}": x_unencrypted`, enc('str', 'S0VZ')],
      [`b: "prefix ${enc('str', 'TE9O')}"`, enc('str', 'TE9O')],
      [`c: ${enc('comment', 'S0lO')}`, enc('comment', 'S0lO')],
      [`#${enc('str', 'Q09N')}`, enc('str', 'Q09N')],
      [`d: ENC[AES256_GCM,data:not_base64,iv:${IV},tag:${TAG},type:str]`, 'not_base64'],
    ];
    const content = `${cases.map(([line]) => line).join('\n')}\n${yamlMetadata()}`;
    expect(kind('s.yaml', content)).toBe('sops');
    for (const [, text] of cases) expect(covered(content, 's.yaml', text!), text).toBe(false);
  });

  it('in a block that does not validate, only ciphertext and recipients of their form', () => {
    const content = `a: ${enc('str', 'QUFB')}\n${yamlMetadata('note: hello')}`;
    expect(covered(content, 'x.yaml', enc('str', 'QUFB'))).toBe(false);
    expect(covered(content, 'x.yaml', 'age1lzd99uklcjnc0e7d860axevet2cz99ce9pq6tzuzd05l5nr28ams36nvun')).toBe(true);
    expect(covered(content, 'x.yaml', 'hello')).toBe(false);
  });
});
