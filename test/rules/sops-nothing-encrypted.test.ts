import { rule } from '../../rules/sops-nothing-encrypted.js';
import { corpusCases } from '../helpers/sops-corpus.js';
import { dotenvMetadata, enc, jsonMetadata, yamlMetadata } from '../helpers/sops-samples.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    ...corpusCases(),
    { name: 'only empty values', path: 'e.yaml', content: `a: ""\nb: ~\n${yamlMetadata()}` },
    {
      name: 'encrypted_regex matching a key',
      path: 'k.yaml',
      content: `metadata:\n  name: x\ndata:\n  t: ${enc()}\n${yamlMetadata('encrypted_regex: ^(data|stringData)$')}`,
    },
    { name: 'plain file', path: '.env', content: 'A=1\n' },
    {
      name: 'a Secret with `stringData: {}`: the selected key is there, and empty',
      path: 's.sops.yaml',
      content: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData: {}\n${yamlMetadata('encrypted_regex: ^(data|stringData)$')}`,
    },
    {
      name: 'an empty list under encrypted_suffix',
      path: 's.json',
      content: `{"name": "x", "keys_secret": [], "sops": ${JSON.stringify(jsonMetadata({ encrypted_suffix: '_secret' }))}}`,
    },
  ],
  invalid: [
    {
      name: 'sops#1886: a Kubernetes encrypted_regex applied to a .env',
      path: 'app/.env',
      content: `DB_PASSWORD=clear\nAPI_KEY=clear-too\n${dotenvMetadata('encrypted_regex=^(data|stringData)$')}`,
      errors: [{ line: 3, message: 'encrypted_regex ^(data|stringData)$ matches no key' }],
    },
    {
      name: 'an invalid RE2 pattern',
      path: 's.yaml',
      content: `password: x\n${yamlMetadata("encrypted_regex: '^(?!meta).*'")}`,
      errors: [{ message: 'is not valid RE2' }],
    },
    {
      name: 'every key carries the unencrypted suffix',
      path: 's.yaml',
      content: `a_unencrypted: 1\nb_unencrypted: two\n${yamlMetadata('unencrypted_suffix: _unencrypted')}`,
      errors: [{ message: 'unencrypted_suffix _unencrypted exempts every one of the 2 value(s)' }],
    },
    {
      name: 'metadata pasted onto a plaintext file',
      path: 's.json',
      content: `{"password": "clear", "sops": ${JSON.stringify(jsonMetadata())}}`,
      errors: [{ line: 1, message: '1 value(s) should be encrypted under unencrypted_suffix _unencrypted' }],
    },
    {
      name: 'a Secret whose selected key is missing, not empty',
      path: 's.sops.yaml',
      content: `kind: Secret\nmetadata:\n  name: s\nstringdata: {}\n${yamlMetadata('encrypted_regex: ^(data|stringData)$')}`,
      errors: [{ message: 'encrypted_regex ^(data|stringData)$ matches no key' }],
    },
    {
      name: 'encrypted_comment_regex with no marker',
      path: 'c.yaml',
      content: `# just a note\nkey: value\n${yamlMetadata('encrypted_comment_regex: sops:enc')}`,
      errors: [{ message: 'encrypted_comment_regex sops:enc matches no comment' }],
    },
  ],
});
