import { describe, expect, it } from 'vitest';
import { encryptedTwinNames, rule } from '../../rules/decrypted-twin.js';
import { testRule } from '../helpers/rule-tester.js';
import { dotenvMetadata, enc, yamlMetadata } from '../helpers/sops-samples.js';

const sopsYaml = (body: string) => `${body}${yamlMetadata()}`;
const K8S_SECRET = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n';

testRule(rule, {
  valid: [
    { path: 'svc/.env', content: 'A=1\n', name: 'no twin tracked' },
    { path: 'svc/.env.enc', content: 'A=1\n', otherPaths: ['svc/.env'], name: 'the encrypted one itself' },
    { path: 'k8s/secret.yaml', content: 'a: 1\n', otherPaths: ['other/secret.sops.yaml'], name: 'twin in another directory' },
    { path: 'k8s/secret.yaml', content: `a: ${enc()}\n${yamlMetadata()}`, otherPaths: ['k8s/secret.sops.yaml'], name: 'itself encrypted' },
    {
      name: "talhelper's talenv.yaml beside talenv.sops.yaml: no key in common",
      path: 'talos/talenv.yaml',
      content: 'clusterName: home\ntalosVersion: v1.7.0\nkubernetesVersion: v1.30.0\n',
      siblings: { 'talos/talenv.sops.yaml': sopsYaml(`clusterSecret: ${enc()}\nclusterToken: ${enc()}\n`) },
    },
    {
      name: 'Ansible host_vars main.yml beside main.sops.yml',
      path: 'inventory/host_vars/web/main.yml',
      content: 'ansible_host: 10.0.0.10\nansible_user: deploy\n',
      siblings: { 'inventory/host_vars/web/main.sops.yml': sopsYaml(`vault_db_password: ${enc()}\n`) },
    },
    {
      name: 'layered values: the plain file leaves the encrypted keys empty or as placeholders',
      path: 'charts/app/values.yaml',
      content: 'replicas: 2\nauth:\n  password: ""\n  token: changeme\n',
      siblings: { 'charts/app/values.sops.yaml': sopsYaml(`auth:\n  password: ${enc()}\n  token: ${enc()}\n`) },
    },
    {
      name: 'keys in common that the twin leaves unencrypted are no leak',
      path: 'k8s/app.yaml',
      content: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: db\n',
      siblings: { 'k8s/app.sops.yaml': sopsYaml(`${K8S_SECRET}  password: ${enc()}\n`) },
    },
    {
      name: "helm-secrets' vals example: the plain file references the values, it does not hold them",
      path: 'examples/vals/secrets.yaml',
      content:
        'podAnnotations:\n  # https://github.com/variantdev/vals#sops\n  secret: ref+sops://assets/values/vals/secrets.sops.yaml#/podAnnotations#secret\n  secret2: ref+vault://mykv/foo#/bar\n',
      siblings: { 'examples/vals/secrets.sops.yaml': sopsYaml(`podAnnotations:\n  secret: ${enc()}\n`) },
    },
    {
      name: 'dotenv: other names',
      path: 'svc/.env',
      content: 'PORT=8080\nLOG_LEVEL=debug\n',
      siblings: { 'svc/.env.enc': `API_KEY=${enc()}\n${dotenvMetadata()}` },
    },
  ],
  invalid: [
    { path: 'caddy/.env', content: 'CF_API_TOKEN=abc\n', otherPaths: ['caddy/.env.enc'], errors: [{ line: 1, message: 'caddy/.env.enc' }] },
    { path: '.env', content: 'A=1\n', otherPaths: ['.env.sops'], errors: [{ message: '.env.sops' }] },
    { path: 'k8s/secret.yaml', content: 'stringData:\n  x: y\n', otherPaths: ['k8s/secret.sops.yaml'], errors: [{ message: 'secret.sops.yaml' }] },
    { path: 'config/app.json', content: '{}', otherPaths: ['config/app.enc.json'], errors: [{ message: 'app.enc.json' }] },
    {
      name: 'a decrypted Kubernetes Secret: names the keys it holds in plaintext',
      path: 'k8s/db.yaml',
      content: `${K8S_SECRET}  password: hunter2-plain\n  user: app\n`,
      siblings: { 'k8s/db.sops.yaml': sopsYaml(`${K8S_SECRET}  password: ${enc()}\n  user: ${enc()}\n`) },
      errors: [
        { line: 1, message: 'plaintext twin of the encrypted k8s/db.sops.yaml holding 2 of the keys it encrypts (stringData.password, stringData.user)' },
      ],
    },
    {
      name: 'a vals reference file with one value decrypted in place',
      path: 'examples/vals/secrets.yaml',
      content: 'podAnnotations:\n  secret: hunter2-plain\n  secret2: ref+vault://mykv/foo#/bar\n',
      siblings: { 'examples/vals/secrets.sops.yaml': sopsYaml(`podAnnotations:\n  secret: ${enc()}\n  secret2: ${enc()}\n`) },
      errors: [{ message: 'holding 1 of the keys it encrypts (podAnnotations.secret)' }],
    },
    {
      name: 'a decrypted dotenv file',
      path: 'svc/.env',
      content: 'API_KEY=abc123def456\nPORT=8080\n',
      siblings: { 'svc/.env.enc': `API_KEY=${enc()}\n${dotenvMetadata()}` },
      errors: [{ message: 'holding 1 of the keys it encrypts (API_KEY)' }],
    },
    {
      name: "a decrypted copy in the twin's format under a name of another",
      path: 'deploy/secrets.txt',
      content: 'token: abc123def456\n',
      siblings: { 'deploy/secrets.enc.txt': sopsYaml(`token: ${enc()}\n`) },
      errors: [{ message: '(token)' }],
    },
    {
      name: 'a binary-store twin: any content can be its plaintext, the name decides',
      path: 'keys/id_ed25519',
      content: 'not really a key\n',
      siblings: {
        'keys/id_ed25519.enc': `{"data": "${enc()}", "sops": {"version": "3.9.0", "mac": "${enc()}", "lastmodified": "2025-01-01T00:00:00Z", "age": [{"recipient": "age1x", "enc": "x"}]}}`,
      },
      errors: [{ message: 'plaintext twin of the encrypted keys/id_ed25519.enc: this looks like' }],
    },
    {
      name: 'a twin that is no sops file cannot be compared: the name decides',
      path: 'conf/app.yaml',
      content: 'a: 1\n',
      siblings: { 'conf/app.enc.yaml': 'U2FsdGVkX1+openssl-enc-output\n' },
      errors: [{ message: 'plaintext twin of the encrypted conf/app.enc.yaml: this looks like' }],
    },
  ],
});

describe('encryptedTwinNames', () => {
  it('inserts the marker before the extension and appends it', () => {
    expect(encryptedTwinNames('a/x.yaml')).toEqual([
      'a/x.yaml.enc',
      'a/x.yaml.sops',
      'a/x.yaml.encrypted',
      'a/x.enc.yaml',
      'a/x.sops.yaml',
      'a/x.encrypted.yaml',
    ]);
    expect(encryptedTwinNames('.env')).toEqual(['.env.enc', '.env.sops', '.env.encrypted']);
  });
});
