import { describe, expect, it } from 'vitest';
import { rule } from '../../rules/sops-unencrypted-file.js';
import { corpusCases, corpusFile, GOVERNING_RULE } from '../helpers/sops-corpus.js';
import { dotenvMetadata, enc, yamlMetadata } from '../helpers/sops-samples.js';
import { testRule, optionsOf } from '../helpers/rule-tester.js';

const covered = { sopsRule: GOVERNING_RULE };
const catchAll = { sopsRule: { configPath: '.sops.yaml', ruleIndex: 1, rule: { age: 'age1...' }, catchAll: {} } };
const shadowing = { sopsRule: { configPath: '.sops.yaml', ruleIndex: 0, rule: { age: 'age1...' }, catchAll: { shadowedRuleIndex: 2 } } };

testRule(rule, {
  valid: [
    ...corpusCases().map((c) => ({ ...c, ...covered })),
    { name: 'not covered by any creation rule', path: 'secrets/plain.yaml', content: 'password: hunter2\n' },
    { name: 'the .sops.yaml itself', path: '.sops.yaml', content: corpusFile('getsops-sops/functional-tests/.sops.yaml'), ...covered },
    { name: 'nested .sops.yaml', path: 'k8s/.sops.yaml', content: 'creation_rules: []\n', ...covered },
    { name: '.env.enc written with --input-type dotenv', path: 'app/.env.enc', content: `A=${enc()}\n${dotenvMetadata()}`, ...covered },
    { name: 'sops YAML under a .json name (sops --input-type yaml)', path: 'secrets/app.json', content: corpusFile('humphd-sops-age/tests/data/secret.enc.yaml'), ...covered },
    { name: 'a catch-all rule asserts nothing about a plain file', path: 'docs/values.yaml', content: 'replicas: 2\n', ...catchAll },
    { name: 'a plain file under a catch-all that does not parse', path: 'Makefile.json', content: 'all:\n\tmake\n', ...catchAll },
    // Only a file whose metadata validates in its store is a sops file: a broken one under a catch-all is left to the
    // plaintext detectors, as any file no path rule names.
    { name: 'a file with sops metadata that no longer parses, under a catch-all', path: 'broken.yaml', content: `a: ${enc()}\n b: [\n${yamlMetadata()}`, ...catchAll },
    { name: 'a catch-all sops file that parses', path: 'app/.env.enc', content: `A=${enc()}\n${dotenvMetadata()}`, ...catchAll },
  ],
  invalid: [
    {
      name: 'plain YAML under a .json name: says what it is',
      path: 'secrets/app.json', content: 'password: hunter2\n', ...covered,
      errors: [{ message: 'holds yaml without sops metadata under a name sops reads as json: it is plaintext; run `sops encrypt --input-type yaml --output-type yaml -i secrets/app.json`' }],
    },
    {
      name: 'broken YAML is not taken for another store (INI would accept its key: value lines)',
      path: 'app.secret.yaml', content: 'a: 1\nb: [unclosed\n', ...covered,
      errors: [{ line: 3, message: 'does not parse as yaml' }],
    },
    {
      name: 'catchAllRequiresEncryption: the strict reading',
      path: 'docs/values.yaml', content: 'replicas: 2\n', ...catchAll, options: { catchAllRequiresEncryption: true },
      errors: [{ message: 'covered by creation_rules[1] of .sops.yaml but has no sops metadata (yaml store)' }],
    },
    {
      name: 'a path rule that the catch-all before it shadows still names the file',
      path: 'secrets/db.yaml', content: 'password: hunter2\n', ...shadowing,
      errors: [{ message: 'covered by creation_rules[2] of .sops.yaml (which sops never reaches: the catch-all creation_rules[0] before it matches first) but has no sops metadata' }],
    },
    { name: 'plaintext YAML', path: 'secrets/db.sops.yaml', content: 'password: hunter2\n', ...covered, errors: [{ line: 1, message: 'creation_rules[0] of .sops.yaml but has no sops metadata (yaml store)' }] },
    { name: 'decrypted corpus input', path: 'comments.yaml', content: corpusFile('getsops-sops/functional-tests/res/comments.yaml'), ...covered, errors: [{ message: 'no sops metadata' }] },
    { name: 'plaintext dotenv', path: 'prod.env', content: 'TOKEN=abc\n', ...covered, errors: [{ message: '(dotenv store)' }] },
    { name: 'plaintext binary', path: 'id_rsa.enc', content: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n', ...covered, errors: [{ message: '(binary store)' }] },
    { name: 'covered file that does not parse', path: 'broken.json', content: '{\n  "a": 1,\n  oops\n}\n', ...covered, errors: [{ line: 3, message: 'does not parse as json' }] },
    { name: 'sops metadata in a later YAML document only', path: 'multi.yaml', content: `a: 1\n---\nb: ${enc()}\nsops:\n  version: 3.9.0\n`, ...covered, errors: [{ message: 'no sops metadata' }] },
  ],
});

describe('sops-unencrypted-file options', () => {
  it('accepts catchAllRequiresEncryption and rejects anything else', () => {
    expect(optionsOf(rule, { catchAllRequiresEncryption: true }, 'rules.x.options')).toEqual({ catchAllRequiresEncryption: true });
    expect(() => optionsOf(rule, { catchAllRequiresEncryption: 'yes' }, 'rules.x.options')).toThrow(/catchAllRequiresEncryption: expected true or false/);
    expect(() => optionsOf(rule, { catchAll: true }, 'rules.x.options')).toThrow(/rules\.x\.options\.catchAll: unknown option/);
  });
});
