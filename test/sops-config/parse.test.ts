import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSopsConfig } from '../../src/sops/config/parse.js';
import { recipientsOfRule } from '../../src/sops/config/recipients.js';
import { fixtureText } from '../sops/fixtures.js';

const FBC = 'FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4';
const D72 = 'D7229043384BCC60326C6FB9D8720D957C3D3074';
const HUMPHD = [
  'age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr',
  'age19j4d6v9j7rx5fs629fu387qz4zmlpsqjexa4s08tkfrrmfdl5cwqjlaupd',
  'age13runq29jhy9kfpaegczrzttykerswh0qprq59msgd754yermtfmsa3hwg2',
];

const rulesOf = (text: string) => parseSopsConfig(text, '.sops.yaml').config.creationRules;

describe('parseSopsConfig on the corpus configs', () => {
  it("sops' own config: a folded comma-separated pgp string, one catch-all rule", () => {
    const { config, diagnostics } = parseSopsConfig(fixtureText('getsops-sops/.sops.yaml'), '.sops.yaml');
    expect(diagnostics).toEqual([]);
    expect(config.hasCreationRules).toBe(true);
    expect(config.creationRules).toHaveLength(1);
    const [rule] = config.creationRules;
    expect(rule!.line).toBe(2);
    expect(rule!.pathRegex).toBeUndefined();
    expect(rule!.recipients).toEqual([
      { type: 'pgp', id: FBC, group: 0 },
      { type: 'pgp', id: D72, group: 0 },
    ]);
    expect(rule!.selection).toEqual([]);
    expect(rule!.macOnlyEncrypted).toBe(false);
  });

  it('functional-tests config: key groups, empty groups, rules without keys, positions', () => {
    const { config, diagnostics } = parseSopsConfig(fixtureText('getsops-sops/functional-tests/.sops.yaml'), 'functional-tests/.sops.yaml');
    expect(diagnostics).toEqual([]);
    const rules = config.creationRules;
    expect(rules.map((r) => [r.index, r.line, r.pathRegex, r.keyGroupCount])).toEqual([
      [0, 2, 'test_roundtrip_keygroups.yaml', 2],
      [1, 8, 'test_roundtrip_keygroups_missing_decryption_key.yaml', 2],
      [2, 14, 'test_no_keygroups.yaml', 1],
      [3, 15, 'test_zero_keygroups.yaml', 1],
      [4, 17, 'test_empty_keygroup.yaml', 1],
      [5, 20, undefined, 1],
    ]);
    expect(rules[0]!.recipients).toEqual([
      { type: 'pgp', id: FBC, group: 0 },
      { type: 'pgp', id: D72, group: 1 },
    ]);
    expect(rules[2]!.recipients).toEqual([]);
    expect(rules[3]!.recipients).toEqual([]);
    expect(rules[4]!.recipients).toEqual([]);
    expect(rules[5]!.recipients).toEqual([{ type: 'pgp', id: FBC, group: 0 }]);
  });

  it('humphd: path_regexp is ignored, so the rule has no path_regex; three age recipients in one group', () => {
    const [rule, ...rest] = rulesOf(fixtureText('humphd-sops-age/.sops.yaml'));
    expect(rest).toEqual([]);
    expect(rule!.pathRegex).toBeUndefined();
    expect(rule!.raw['path_regexp']).toBe('\\.(yml|yaml|json|env)$');
    expect(rule!.recipients).toEqual(HUMPHD.map((id) => ({ type: 'age', id, group: 0 })));
  });
});

describe('recipient normalisation', () => {
  it('comma-separated strings and lists give the same recipients; empty items and spaces go', () => {
    const a = rulesOf(`creation_rules:\n  - age: "${HUMPHD[0]}, ${HUMPHD[1]},"\n`)[0]!.recipients;
    const b = rulesOf(`creation_rules:\n  - age:\n      - ${HUMPHD[0]}\n      - ${HUMPHD[1]}\n`)[0]!.recipients;
    expect(a).toEqual(b);
    expect(a.map((r) => r.id)).toEqual(HUMPHD.slice(0, 2));
  });

  it('pgp fingerprints lose spaces and a trailing "!"', () => {
    const text = 'creation_rules:\n  - pgp: "FBC7 B9E2 A4F9 289A C0C1  D484 3D16 CEE4 A273 81B4!"\n';
    expect(rulesOf(text)[0]!.recipients).toEqual([{ type: 'pgp', id: FBC, group: 0 }]);
  });

  it('every rule-level key type, with the ids sops writes into metadata', () => {
    const text = [
      'creation_rules:',
      '  - kms: "arn:aws:kms:us-east-1:1:key/a+arn:aws:iam::1:role/r, arn:aws:kms:us-east-1:1:key/b"',
      '    gcp_kms: projects/p/locations/global/keyRings/r/cryptoKeys/k',
      '    azure_keyvault: https://v.vault.azure.net/keys/k/0123, https://v.vault.azure.net/keys/latest',
      '    hc_vault_transit_uri: https://vault.example.com:8200/v1/transit/keys/k',
      '    hckms: ["tr-west-1:abc-123"]',
    ].join('\n');
    expect(rulesOf(text)[0]!.recipients).toEqual([
      { type: 'kms', id: 'arn:aws:kms:us-east-1:1:key/a+arn:aws:iam::1:role/r', group: 0 },
      { type: 'kms', id: 'arn:aws:kms:us-east-1:1:key/b', group: 0 },
      { type: 'gcp_kms', id: 'projects/p/locations/global/keyRings/r/cryptoKeys/k', group: 0 },
      { type: 'azure_kv', id: 'https://v.vault.azure.net/keys/k/0123', group: 0 },
      { type: 'azure_kv', id: 'https://v.vault.azure.net/keys/latest/', group: 0 },
      { type: 'hc_vault', id: 'https://vault.example.com:8200/v1/transit/keys/k', group: 0 },
      { type: 'hckms', id: 'tr-west-1:abc-123', group: 0 },
    ]);
  });

  it('group-level names and entry maps (azure_keyvault maps, hc_vault URIs, kms arn+role)', () => {
    const text = [
      'creation_rules:',
      '  - key_groups:',
      '      - kms: [{arn: "arn:aws:kms:r:1:key/a", role: "arn:aws:iam::1:role/x", context: {a: b}}]',
      '        azure_keyvault: [{vaultUrl: "https://v.vault.azure.net", key: k, version: "9"}]',
      '        hc_vault: ["https://vault:8200/v1/sops/nested/keys/k"]',
      '        gcp_kms: [{resource_id: projects/p/cryptoKeys/k}]',
      '        hckms: [{key_id: "r:u"}]',
      '      - pgp: [' + FBC + ']',
    ].join('\n');
    expect(rulesOf(text)[0]!.recipients).toEqual([
      { type: 'kms', id: 'arn:aws:kms:r:1:key/a+arn:aws:iam::1:role/x', group: 0 },
      { type: 'gcp_kms', id: 'projects/p/cryptoKeys/k', group: 0 },
      { type: 'hckms', id: 'r:u', group: 0 },
      { type: 'azure_kv', id: 'https://v.vault.azure.net/keys/k/9', group: 0 },
      { type: 'hc_vault', id: 'https://vault:8200/v1/sops/nested/keys/k', group: 0 },
      { type: 'pgp', id: FBC, group: 1 },
    ]);
  });

  it('non-empty key_groups replace rule-level keys; an empty key_groups list does not', () => {
    const groups = rulesOf(`creation_rules:\n  - pgp: ${D72}\n    key_groups:\n      - pgp: [${FBC}]\n`)[0]!;
    expect(groups.recipients).toEqual([{ type: 'pgp', id: FBC, group: 0 }]);
    const empty = rulesOf(`creation_rules:\n  - pgp: ${D72}\n    key_groups: []\n`)[0]!;
    expect(empty.recipients).toEqual([{ type: 'pgp', id: D72, group: 0 }]);
  });

  it('anchors, aliases, `merge` groups and `<<` merge keys (sops-nix style), with duplicates dropped', () => {
    const text = [
      'keys:',
      `  - &admin ${HUMPHD[0]}`,
      `  - &host ${HUMPHD[1]}`,
      'base: &base',
      '  age: [*admin]',
      'defaults: &defaults',
      '  encrypted_regex: ^(data|stringData)$',
      'creation_rules:',
      '  - path_regex: secrets/[^/]+\\.yaml$',
      '    <<: *defaults',
      '    key_groups:',
      '      - merge: [*base]',
      '        age: [*admin, *host]',
    ].join('\n');
    const [rule] = rulesOf(text);
    expect(rule!.recipients).toEqual([
      { type: 'age', id: HUMPHD[0], group: 0 },
      { type: 'age', id: HUMPHD[1], group: 0 },
    ]);
    expect(rule!.selection).toEqual([{ setting: 'encrypted_regex', value: '^(data|stringData)$' }]);
  });

  it('recipientsOfRule agrees with the parsed rule for a raw object', () => {
    const raw = { age: `${HUMPHD[0]},${HUMPHD[0]}`, key_groups: [] };
    expect(recipientsOfRule(raw)).toEqual([{ type: 'age', id: HUMPHD[0], group: 0 }]);
  });
});

describe('selection settings and mac_only_encrypted', () => {
  it('reads every setting present and go-yaml bool words', () => {
    const [a, b, c] = rulesOf(
      [
        'creation_rules:',
        '  - encrypted_regex: ^data$',
        '    mac_only_encrypted: yes',
        '  - unencrypted_suffix: _plain',
        '    encrypted_suffix: _secret',
        '  - mac_only_encrypted: false',
      ].join('\n'),
    );
    expect(a!.selection).toEqual([{ setting: 'encrypted_regex', value: '^data$' }]);
    expect(a!.macOnlyEncrypted).toBe(true);
    expect(b!.selection.map((s) => s.setting)).toEqual(['unencrypted_suffix', 'encrypted_suffix']);
    expect(c!.selection).toEqual([]);
    expect(c!.macOnlyEncrypted).toBe(false);
  });
});

describe('files sops reads as "no config" or cannot read', () => {
  it('no creation_rules: hasCreationRules is false', () => {
    const { config, diagnostics } = parseSopsConfig('destination_rules: []\n', '.sops.yaml');
    expect(config.hasCreationRules).toBe(false);
    expect(diagnostics).toEqual([]);
    expect(parseSopsConfig('', '.sops.yaml').config.hasCreationRules).toBe(false);
  });

  it('invalid YAML is a diagnostic with a line, never a throw', () => {
    const { config, diagnostics } = parseSopsConfig('creation_rules:\n  - age: [a\n  - pgp: b\n', '.sops.yaml');
    expect(config.creationRules).toEqual([]);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]!.message).toMatch(/^invalid YAML/);
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('duplicate keys are invalid, as in go-yaml v3', () => {
    const { diagnostics } = parseSopsConfig('creation_rules: []\ncreation_rules: []\n', '.sops.yaml');
    expect(diagnostics[0]!.message).toMatch(/invalid YAML/);
    expect(diagnostics[0]!.line).toBe(2);
  });

  it('a value of the wrong kind is a fatal diagnostic (go-yaml cannot decode it)', () => {
    const { diagnostics } = parseSopsConfig(`creation_rules:\n  - key_groups:\n      - age: ${HUMPHD[0]}\n`, '.sops.yaml');
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: 3, fatal: true, message: expect.stringContaining('`creation_rules[0].key_groups[0].age` must be a list') }),
    ]);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = parseSopsConfig(text, '.sops.yaml');
        expect(Array.isArray(result.diagnostics)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a self-referencing anchor does not loop', () => {
    const { diagnostics } = parseSopsConfig('a: &x [*x]\ncreation_rules: []\n', '.sops.yaml');
    expect(Array.isArray(diagnostics)).toBe(true);
  });
});
