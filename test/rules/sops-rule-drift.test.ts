import { rule } from '../../rules/sops-rule-drift.js';
import { parseSopsConfig } from '../../src/sops/config/parse.js';
import type { GoverningSopsRule } from '../../src/types.js';
import { testRule } from '../helpers/rule-tester.js';
import { fixtureText } from '../sops/fixtures.js';
import { enc, yamlMetadata } from '../helpers/sops-samples.js';

const [A, B, C] = [
  'age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr',
  'age19j4d6v9j7rx5fs629fu387qz4zmlpsqjexa4s08tkfrrmfdl5cwqjlaupd',
  'age13runq29jhy9kfpaegczrzttykerswh0qprq59msgd754yermtfmsa3hwg2',
];
const NEW = 'age1lzd99uklcjnc0e7d860axevet2cz99ce9pq6tzuzd05l5nr28ams36nvun';
const FBC = 'FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4';
const D72 = 'D7229043384BCC60326C6FB9D8720D957C3D3074';

/** The creation rule `index` of a fixture config, as the engine hands it to rules. */
function ruleFromFixture(fixture: string, index: number): GoverningSopsRule {
  const { config } = parseSopsConfig(fixtureText(fixture), '.sops.yaml');
  return { configPath: '.sops.yaml', ruleIndex: index, rule: config.creationRules[index]!.raw };
}

const written = (raw: Record<string, unknown>, ruleIndex = 0): GoverningSopsRule => ({ configPath: '.sops.yaml', ruleIndex, rule: raw });

const humphdYaml = fixtureText('humphd-sops-age/tests/data/secret.enc.yaml');
const humphdRule = ruleFromFixture('humphd-sops-age/.sops.yaml', 0);

testRule(rule, {
  valid: [
    { name: 'humphd YAML under its own .sops.yaml', path: 'tests/data/secret.enc.yaml', content: humphdYaml, sopsRule: humphdRule },
    { name: 'humphd JSON', path: 'tests/data/secret.enc.json', content: fixtureText('humphd-sops-age/tests/data/secret.enc.json'), sopsRule: humphdRule },
    { name: 'humphd dotenv', path: 'tests/data/secret.enc.env', content: fixtureText('humphd-sops-age/tests/data/secret.enc.env'), sopsRule: humphdRule },
    {
      name: "sops' example.yaml under sops' .sops.yaml",
      path: 'example.yaml',
      content: fixtureText('getsops-sops/example.yaml'),
      sopsRule: ruleFromFixture('getsops-sops/.sops.yaml', 0),
    },
    {
      name: 'format.enc.yaml under the functional-tests catch-all',
      path: 'res/format.enc.yaml',
      content: fixtureText('getsops-sops/functional-tests/res/format.enc.yaml'),
      sopsRule: ruleFromFixture('getsops-sops/functional-tests/.sops.yaml', 5),
    },
    {
      name: 'fingerprints compare without spaces, case or a trailing "!"',
      path: 'example.yaml',
      content: fixtureText('getsops-sops/example.yaml'),
      sopsRule: written({ pgp: [`${FBC.toLowerCase()}!`, 'D722 9043 384B CC60 326C  6FB9 D872 0D95 7C3D 3074'] }),
    },
    {
      name: 'the default selection written out in the rule is the same as none',
      path: 'tests/data/secret.enc.yaml',
      content: humphdYaml,
      sopsRule: written({ age: [A, B, C], unencrypted_suffix: '_unencrypted' }),
    },
    {
      name: 'binary store: selection settings are not compared (sops ignores them there)',
      path: 'example.txt',
      content: fixtureText('getsops-sops/example.txt'),
      sopsRule: written({ pgp: `${FBC},${D72}`, encrypted_regex: '^data$' }),
    },
    { name: 'no governing rule', path: 'tests/data/secret.enc.yaml', content: humphdYaml },
    { name: 'a plain file', path: 'plain.yaml', content: fixtureText('getsops-sops/functional-tests/res/plainfile.yaml'), sopsRule: humphdRule },
    { name: 'config files are not checked', path: '.sops.yaml', content: humphdYaml, sopsRule: written({ age: NEW }) },
  ],
  invalid: [
    {
      name: 'a recipient added to the rule and one removed',
      path: 'tests/data/secret.enc.yaml',
      content: humphdYaml,
      sopsRule: written({ path_regex: 'secret', age: [A, B, NEW] }, 2),
      errors: [
        {
          line: 12,
          severity: 'warning',
          message: `master keys differ from creation_rules[2] of .sops.yaml: in the rule but not in the file: age ${NEW}; in the file but no longer in the rule (can still decrypt it): age ${C}. Run \`sops updatekeys tests/data/secret.enc.yaml\``,
        },
      ],
    },
    {
      name: 'the same drift in the dotenv store',
      path: 'tests/data/secret.enc.env',
      content: fixtureText('humphd-sops-age/tests/data/secret.enc.env'),
      sopsRule: written({ age: `${A},${B}` }),
      errors: [{ message: `in the file but no longer in the rule (can still decrypt it): age ${C}. Run \`sops updatekeys tests/data/secret.enc.env\`` }],
    },
    {
      name: 'key groups changed: one group in the file, two in the rule',
      path: 'example.yaml',
      content: fixtureText('getsops-sops/example.yaml'),
      sopsRule: ruleFromFixture('getsops-sops/functional-tests/.sops.yaml', 0),
      errors: [
        {
          message: `in the rule but not in the file: pgp ${D72} (key_groups[1]); in the file but no longer in the rule (can still decrypt it): pgp ${D72} (key_groups[0]); the rule has 2 key group(s), the file 1`,
        },
      ],
    },
    {
      name: 'another key type in the rule',
      path: 'example.yaml',
      content: fixtureText('getsops-sops/example.yaml'),
      sopsRule: written({ pgp: [FBC, D72], kms: 'arn:aws:kms:us-east-1:1:key/a+arn:aws:iam::1:role/r' }),
      errors: [{ message: 'in the rule but not in the file: kms arn:aws:kms:us-east-1:1:key/a+arn:aws:iam::1:role/r. Run' }],
    },
    {
      name: 'selection setting changed: updatekeys does not apply it',
      path: 'tests/data/secret.enc.yaml',
      content: humphdYaml,
      sopsRule: written({ age: [A, B, C], encrypted_regex: '^(data|stringData)$' }),
      errors: [
        {
          line: 12,
          message:
            "the file was encrypted with `unencrypted_suffix: _unencrypted` but creation_rules[0] of .sops.yaml now says `encrypted_regex: ^(data|stringData)$`: updatekeys and rotate keep the file's own settings; re-encrypt it: `sops decrypt -i tests/data/secret.enc.yaml` then `sops encrypt -i tests/data/secret.enc.yaml`",
        },
      ],
    },
    {
      name: 'mac_only_encrypted turned on in the rule, and a recipient added',
      path: 'tests/data/secret.enc.yaml',
      content: humphdYaml,
      sopsRule: written({ age: [A, B, C, NEW], mac_only_encrypted: true }),
      errors: [
        { message: `in the rule but not in the file: age ${NEW}. Run` },
        { message: 'the file has no `mac_only_encrypted` (false) but creation_rules[0] of .sops.yaml now says `mac_only_encrypted: true`' },
      ],
    },
    {
      name: 'a selection setting in the file, none in the rule: says the rule is silent and what sops then uses',
      path: 'handmade.yaml',
      content: `data: ${enc()}\n${yamlMetadata('encrypted_regex: ^data$')}`,
      sopsRule: written({ age: NEW }, 1),
      errors: [
        {
          message:
            "the file was encrypted with `encrypted_regex: ^data$` but creation_rules[1] of .sops.yaml sets none (sops' default `unencrypted_suffix: _unencrypted`)",
        },
      ],
    },
    {
      name: 'no selection setting in the file, one in the rule',
      path: 'handmade.yaml',
      content: `data: ${enc()}\n${yamlMetadata()}`,
      sopsRule: written({ age: NEW, encrypted_regex: '^data$' }),
      errors: [
        {
          message:
            "the file was encrypted without a selection setting (sops' default `unencrypted_suffix: _unencrypted`) but creation_rules[0] of .sops.yaml now says `encrypted_regex: ^data$`",
        },
      ],
    },
    {
      name: 'mac_only_encrypted written in the file, absent from the rule',
      path: 'handmade.yaml',
      content: `data: ${enc()}\n${yamlMetadata('mac_only_encrypted: true', 'unencrypted_suffix: _unencrypted')}`,
      sopsRule: written({ age: NEW }),
      errors: [{ message: 'the file has `mac_only_encrypted: true` but creation_rules[0] of .sops.yaml does not set `mac_only_encrypted` (false)' }],
    },
  ],
});
