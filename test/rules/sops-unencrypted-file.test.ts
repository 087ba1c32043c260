import { describe, expect, it } from 'vitest';
import { rule } from '../../rules/sops-unencrypted-file.js';
import { corpusCases, corpusFile, GOVERNING_RULE } from '../helpers/sops-corpus.js';
import { dotenvMetadata, enc, yamlMetadata } from '../helpers/sops-samples.js';
import { testRule, optionsOf } from '../helpers/rule-tester.js';

const covered = { sopsRule: GOVERNING_RULE };
const catchAll = { sopsRule: { configPath: '.sops.yaml', ruleIndex: 1, rule: { age: 'age1...' }, catchAll: true as const } };
/** A path rule with a selection setting, as Kubernetes repositories write them. */
const selecting = (setting: string, value: string) => ({
  sopsRule: { configPath: '.sops.yaml', ruleIndex: 2, rule: { path_regex: '^k8s/', age: 'age1...', [setting]: value } },
});
const k8sRegex = selecting('encrypted_regex', '^(data|stringData)$');
const helmRegex = selecting('encrypted_regex', '^(adminKey|userKey|secret|password)$');
const HELMRELEASE = 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: app\nspec:\n  values:\n    replicas: 2\n';

testRule(rule, {
  valid: [
    ...corpusCases().map((c) => ({ ...c, ...covered })),
    { name: 'not covered by any creation rule', path: 'secrets/plain.yaml', content: 'password: hunter2\n' },
    { name: 'the .sops.yaml itself', path: '.sops.yaml', content: corpusFile('getsops-sops/functional-tests/.sops.yaml'), ...covered },
    { name: 'nested .sops.yaml', path: 'k8s/.sops.yaml', content: 'creation_rules: []\n', ...covered },
    { name: '.env.enc written with --input-type dotenv', path: 'app/.env.enc', content: `A=${enc()}\n${dotenvMetadata()}`, ...covered },
    {
      name: 'sops YAML under a .json name (sops --input-type yaml)',
      path: 'secrets/app.json',
      content: corpusFile('humphd-sops-age/tests/data/secret.enc.yaml'),
      ...covered,
    },
    { name: 'a catch-all rule asserts nothing about a plain file', path: 'docs/values.yaml', content: 'replicas: 2\n', ...catchAll },
    { name: 'a plain file under a catch-all that does not parse', path: 'Makefile.json', content: 'all:\n\tmake\n', ...catchAll },
    // Only a file whose metadata validates in its store is a sops file: a broken one under a catch-all is left to the
    // plaintext detectors, as any file no path rule names.
    {
      name: 'a file with sops metadata that no longer parses, under a catch-all',
      path: 'broken.yaml',
      content: `a: ${enc()}\n b: [\n${yamlMetadata()}`,
      ...catchAll,
    },
    { name: 'a catch-all sops file that parses', path: 'app/.env.enc', content: `A=${enc()}\n${dotenvMetadata()}`, ...catchAll },
    // What sops would encrypt under the rule: nothing, so the file is not an unencrypted secret file.
    { name: 'encrypted_regex selects no key of a HelmRelease', path: 'k8s/app/helmrelease.yaml', content: HELMRELEASE, ...k8sRegex },
    {
      name: "encrypted_regex selects only switches and a Secret's name",
      path: 'k8s/csi/helmrelease.yaml',
      content: `${HELMRELEASE}    secret:\n      create: false\n      name: csi-ceph-admin-secret\n    config:\n      secret: false\n`,
      ...helmRegex,
    },
    { name: 'a Secret whose stringData is empty', path: 'k8s/s.yaml', content: 'kind: Secret\nmetadata:\n  name: s\nstringData: {}\ndata:\n', ...k8sRegex },
    { name: 'an empty file under a path rule', path: 'k8s/sensitive.enc.yaml', content: '', ...covered },
    { name: 'only null, empty and boolean values', path: 'k8s/flags.yaml', content: 'a: ~\nb: ""\nc: true\n', ...covered },
    { name: 'encrypted_suffix no key carries', path: 'k8s/app.json', content: '{"name": "app", "replicas": 2}\n', ...selecting('encrypted_suffix', '_secret') },
    { name: 'unencrypted_regex exempting every key', path: 'k8s/app.yaml', content: 'name: app\nimage: nginx\n', ...selecting('unencrypted_regex', '.*') },
    { name: 'unencrypted_suffix on the only key', path: 'k8s/app.yaml', content: 'note_public: hello\n', ...selecting('unencrypted_suffix', '_public') },
    {
      name: 'encrypted_comment_regex and no marker comment',
      path: 'k8s/app.yaml',
      content: '# settings\nname: app\n',
      ...selecting('encrypted_comment_regex', 'sops:enc'),
    },
    {
      name: 'mac_only_encrypted changes no selection',
      path: 'k8s/app/helmrelease.yaml',
      content: HELMRELEASE,
      sopsRule: { ...k8sRegex.sopsRule, rule: { ...k8sRegex.sopsRule.rule, mac_only_encrypted: true } },
    },
    { name: 'a path rule after a catch-all is never reached by sops', path: 'secrets/db.yaml', content: 'password: hunter2\n', ...catchAll },
  ],
  invalid: [
    {
      name: 'plain YAML under a .json name: says what it is',
      path: 'secrets/app.json',
      content: 'password: hunter2\n',
      ...covered,
      errors: [
        {
          message:
            'holds yaml without sops metadata under a name sops reads as json: it is plaintext; run `sops encrypt --input-type yaml --output-type yaml -i secrets/app.json`',
        },
      ],
    },
    {
      name: 'broken YAML is not taken for another store (INI would accept its key: value lines)',
      path: 'app.secret.yaml',
      content: 'a: 1\nb: [unclosed\n',
      ...covered,
      errors: [{ line: 3, message: 'does not parse as yaml' }],
    },
    {
      name: 'catchAllRequiresEncryption: the strict reading',
      path: 'docs/values.yaml',
      content: 'replicas: 2\n',
      ...catchAll,
      options: { catchAllRequiresEncryption: true },
      errors: [{ message: 'covered by creation_rules[1] of .sops.yaml but has no sops metadata (yaml store)' }],
    },
    {
      name: 'a Secret with plaintext stringData under encrypted_regex',
      path: 'k8s/db.yaml',
      content: 'kind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2\n',
      ...k8sRegex,
      errors: [{ message: 'sops would encrypt 1 value(s) (the first: stringData.password)' }],
    },
    { name: 'a numeric PIN is a value', path: 'k8s/pin.yaml', content: 'password: 123456\n', ...helmRegex, errors: [{ message: 'the first: password' }] },
    {
      name: 'a selected name that is no object name',
      path: 'k8s/user.yaml',
      content: 'secret:\n  name: Hunter 2!\n',
      ...helmRegex,
      errors: [{ message: 'the first: secret.name' }],
    },
    {
      name: 'a commented-out secret sops would encrypt',
      path: 'k8s/notes.yaml',
      content: 'a: ~\n# password: hunter2\n',
      ...covered,
      errors: [{ message: '1 value(s) (the first: a comment)' }],
    },
    {
      name: 'encrypted_suffix a key carries',
      path: 'k8s/app.json',
      content: '{"db_secret": "hunter2"}\n',
      ...selecting('encrypted_suffix', '_secret'),
      errors: [{ message: 'sops would encrypt 1 value(s)' }],
    },
    {
      name: 'a value after an encrypted_comment_regex marker',
      path: 'k8s/app.yaml',
      content: '# sops:enc\ntoken: abc\n',
      ...selecting('encrypted_comment_regex', 'sops:enc'),
      errors: [{ message: 'the first: token' }],
    },
    {
      name: 'a regex that is not RE2 selects everything (sops would match nothing: a broken rule)',
      path: 'k8s/app.yaml',
      content: 'image: nginx\n',
      ...selecting('encrypted_regex', '^(?=data)'),
      errors: [{ message: 'sops would encrypt 1 value(s)' }],
    },
    {
      name: 'several selection settings (sops refuses the rule) select everything',
      path: 'k8s/app.yaml',
      content: 'image: nginx\n',
      sopsRule: { ...k8sRegex.sopsRule, rule: { ...k8sRegex.sopsRule.rule, unencrypted_suffix: '_x' } },
      errors: [{ message: 'sops would encrypt 1 value(s)' }],
    },
    {
      name: 'binary store: sops ignores the selection',
      path: 'k8s/id_rsa',
      content: 'not yaml at all\n',
      ...helmRegex,
      errors: [{ message: '(binary store)' }],
    },
    {
      name: 'a .env under a Kubernetes-shaped encrypted_regex (getsops/sops#1886): still plaintext secrets',
      path: 'k8s/app/.env',
      content: 'DB_PASSWORD=hunter2\nLOG_LEVEL=debug\n',
      ...k8sRegex,
      errors: [
        { message: "the rule's selection setting matches none of its 2 value(s) (the first: DB_PASSWORD), so `sops encrypt` would leave them readable too" },
      ],
    },
    {
      name: 'an INI file under the same rule',
      path: 'k8s/app.ini',
      content: '[db]\npassword = hunter2\n',
      ...k8sRegex,
      errors: [{ message: 'matches none of its 1 value(s)' }],
    },
    {
      name: 'plaintext YAML',
      path: 'secrets/db.sops.yaml',
      content: 'password: hunter2\n',
      ...covered,
      errors: [{ line: 1, message: 'creation_rules[0] of .sops.yaml but has no sops metadata (yaml store)' }],
    },
    {
      name: 'decrypted corpus input',
      path: 'comments.yaml',
      content: corpusFile('getsops-sops/functional-tests/res/comments.yaml'),
      ...covered,
      errors: [{ message: 'no sops metadata' }],
    },
    { name: 'plaintext dotenv', path: 'prod.env', content: 'TOKEN=abc\n', ...covered, errors: [{ message: '(dotenv store)' }] },
    {
      name: 'plaintext binary',
      path: 'id_rsa.enc',
      content: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n',
      ...covered,
      errors: [{ message: '(binary store)' }],
    },
    {
      name: 'covered file that does not parse',
      path: 'broken.json',
      content: '{\n  "a": 1,\n  oops\n}\n',
      ...covered,
      errors: [{ line: 3, message: 'does not parse as json' }],
    },
    {
      name: 'sops metadata in a later YAML document only',
      path: 'multi.yaml',
      content: `a: 1\n---\nb: ${enc()}\nsops:\n  version: 3.9.0\n`,
      ...covered,
      errors: [{ message: 'no sops metadata' }],
    },
  ],
});

describe('sops-unencrypted-file options', () => {
  it('accepts catchAllRequiresEncryption and rejects anything else', () => {
    expect(optionsOf(rule, { catchAllRequiresEncryption: true }, 'rules.x.options')).toEqual({ catchAllRequiresEncryption: true });
    expect(() => optionsOf(rule, { catchAllRequiresEncryption: 'yes' }, 'rules.x.options')).toThrow(/catchAllRequiresEncryption: expected true or false/);
    expect(() => optionsOf(rule, { catchAll: true }, 'rules.x.options')).toThrow(/rules\.x\.options\.catchAll: unknown option/);
  });
});
