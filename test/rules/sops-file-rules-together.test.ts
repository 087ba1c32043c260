/**
 * The four sops file rules run together, as the engine runs them: every encrypted corpus file is clean (old
 * plaintext comments only warn), no_mac.yaml gives exactly sops-metadata, and each mutation of a real file gives
 * exactly the one finding it should. Values never reach a message.
 */
import { describe, expect, it } from 'vitest';
import { rule as metadata } from '../../rules/sops-metadata.js';
import { rule as nothingEncrypted } from '../../rules/sops-nothing-encrypted.js';
import { rule as plaintextValue } from '../../rules/sops-plaintext-value.js';
import { rule as unencryptedFile } from '../../rules/sops-unencrypted-file.js';
import type { Finding, Rule } from '../../src/types.js';
import { lintWith } from '../helpers/rule-tester.js';
import { corpusFile, ENCRYPTED_CORPUS, GOVERNING_RULE } from '../helpers/sops-corpus.js';
import { yamlMetadata, enc } from '../helpers/sops-samples.js';

const RULES = [unencryptedFile, plaintextValue, nothingEncrypted, metadata] as Rule<undefined>[];

async function findings(path: string, content: string, covered = true): Promise<Finding[]> {
  const all: Finding[] = [];
  for (const r of RULES) all.push(...(await lintWith(r, { path, content, ...(covered ? { sopsRule: GOVERNING_RULE } : {}) })));
  return all;
}
const summary = (fs: Finding[]): string[] => fs.map((f) => `${f.ruleId}:${f.severity}`);

const NO_MAC = 'getsops-sops/functional-tests/res/no_mac.yaml';
const OLD_COMMENTS = 'getsops-sops/functional-tests/res/comments_unencrypted_comments.yaml';
const example = corpusFile('getsops-sops/example.yaml');
const line = (needle: string): string => example.split('\n').find((l) => l.includes(needle))!;

describe('sops file rules together', () => {
  for (const path of ENCRYPTED_CORPUS) {
    it(`corpus ${path}`, async () => {
      for (const covered of [true, false]) {
        const expected =
          path === NO_MAC ? ['sops-metadata:error'] : path === OLD_COMMENTS ? ['sops-plaintext-value:warning', 'sops-plaintext-value:warning'] : [];
        expect(summary(await findings(path, corpusFile(path), covered))).toEqual(expected);
      }
    });
  }

  const mutations: Array<[string, string, string]> = [
    ['value replaced by plaintext', example.replace(line('password: ENC['), '        password: correct-horse-battery'), 'sops-plaintext-value'],
    ['mac removed', example.replace(line('    mac: ENC['), '    # no mac'), 'sops-metadata'],
    ['IV truncated', example.replace(line('user: ENC['), line('user: ENC[').replace(/iv:[^,]*,/, 'iv:o9MiMveNYO7T82yDab+4pA==,')), 'sops-metadata'],
    ['tag of wrong length', example.replace(line('user: ENC['), line('user: ENC[').replace(/tag:[^,]*,/, 'tag:0RjvUUtSQwaUc9SF,')), 'sops-metadata'],
    ['unknown type', example.replace(line('number: ENC['), line('number: ENC[').replace('type:float', 'type:decimal')), 'sops-metadata'],
    [
      'plaintext key added under encrypted_regex',
      `data:\n  token: ${enc()}\n  password: correct-horse-battery\nmetadata:\n  name: app\n${yamlMetadata('encrypted_regex: ^(data|stringData)$')}`,
      'sops-plaintext-value',
    ],
  ];
  for (const [name, content, ruleId] of mutations) {
    it(`mutation: ${name}`, async () => {
      const found = await findings('secrets/example.yaml', content);
      expect(summary(found)).toEqual([`${ruleId}:error`]);
      expect(found[0]!.message).not.toContain('correct-horse-battery');
    });
  }

  it('a plain file nobody covers gives nothing', async () => {
    expect(await findings('notes.yaml', 'password: hunter2\n', false)).toEqual([]);
  });
});
