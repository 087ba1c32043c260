import { rule } from '../../rules/sops-plaintext-value.js';
import { corpusCases, corpusFile } from '../helpers/sops-corpus.js';
import { dotenvMetadata, enc, jsonMetadata, yamlMetadata } from '../helpers/sops-samples.js';
import { testRule } from '../helpers/rule-tester.js';

const example = corpusFile('getsops-sops/example.yaml');
const passwordLine = example.split('\n').find((l) => l.includes('password: ENC['))!;
const withPlainPassword = example.replace(passwordLine, '        password: hunter2-in-clear');
const json = corpusFile('getsops-sops/example.json');
const jsonWithNumber = json.replace(/"firstName": "ENC\[[^"]*"/, '"firstName": 12345');
const COMMENTS = 'getsops-sops/functional-tests/res/comments_unencrypted_comments.yaml';

testRule(rule, {
  valid: [
    ...corpusCases([COMMENTS]),
    { name: 'null and "" are never encrypted', path: 'a.yaml', content: `a: ~\nb: ""\nc:\nd: ${enc()}\n${yamlMetadata()}` },
    {
      name: 'encrypted_regex leaves other keys plaintext',
      path: 'k8s.yaml',
      content: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\ndata:\n  token: ${enc()}\n${yamlMetadata('encrypted_regex: ^(data|stringData)$')}`,
    },
    { name: "a plain file is not this rule's business", path: 'plain.yaml', content: 'password: hunter2\n' },
    {
      name: 'comment marker stays plaintext under encrypted_comment_regex',
      path: 'c.yaml',
      content: `# sops:enc\nkey: ${enc()}\nother: plain\n${yamlMetadata('encrypted_comment_regex: sops:enc')}`,
    },
  ],
  invalid: [
    {
      name: 'a value replaced by plaintext (example.yaml)',
      path: 'example.yaml',
      content: withPlainPassword,
      errors: [{ line: 5, message: 'value at app2.db.password is not encrypted' }],
    },
    {
      name: 'a non-string value in an encrypted position (example.json)',
      path: 'example.json',
      content: jsonWithNumber,
      errors: [{ message: 'int value at firstName' }],
    },
    {
      name: 'a plaintext key added to a file with encrypted_regex',
      path: 'k8s.yaml',
      content: `data:\n  token: ${enc()}\n  added: s3cr3t-value\nmetadata:\n  name: x\n${yamlMetadata('encrypted_regex: ^(data|stringData)$')}`,
      errors: [{ line: 3, message: 'data.added' }],
    },
    {
      name: 'encrypted_suffix',
      path: 's.json',
      content: `{"db_secret": "plain-value", "name": "x", "sops": ${JSON.stringify(jsonMetadata({ encrypted_suffix: '_secret' }))}}`,
      errors: [{ line: 1, message: 'db_secret' }],
    },
    {
      name: 'dotenv value in the clear',
      path: 'app/.env',
      content: `API_KEY=${enc()}\nDB_PASSWORD=clear-text-pw\n${dotenvMetadata()}`,
      errors: [{ line: 2, message: 'DB_PASSWORD' }],
    },
    {
      name: 'value under an encrypted_comment_regex marker',
      path: 'c.yaml',
      content: `# sops:enc\nkey: plain-secret\n${yamlMetadata('encrypted_comment_regex: sops:enc')}`,
      errors: [{ line: 2, message: 'value at key' }],
    },
    {
      name: 'multi-document: plaintext in the second document',
      path: 'm.yaml',
      content: `a: ${enc()}\n${yamlMetadata()}---\nb: leaked-value\n${yamlMetadata()}`,
      errors: [{ message: 'value at b is not encrypted' }],
    },
    {
      name: 'plaintext comments (old sops) are warnings',
      path: COMMENTS,
      content: corpusFile(COMMENTS),
      errors: [
        { line: 1, severity: 'warning', message: 'plaintext comment' },
        { line: 3, severity: 'warning' },
      ],
    },
  ],
});
