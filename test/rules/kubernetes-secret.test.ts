import { describe, expect, it } from 'vitest';
import { rule } from '../../rules/kubernetes-secret.js';
import { randomChars } from '../helpers/fake-tokens.js';
import { lintWith, testRule } from '../helpers/rule-tester.js';
import { encodeSopsFile } from '../helpers/sops-encoder.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const password = randomChars(24, 51);
const head = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\n';

testRule(rule, {
  valid: [
    { name: 'a Secret without data', path: 'sa-token.yaml', content: `${head}` },
    {
      name: 'placeholders and Flux substitutions',
      path: 'db.yaml',
      content: `${head}stringData:\n  password: \${DB_PASSWORD}\n  user: changeme\ndata:\n  token: ${b64('changeme')}\n  empty: ""\n`,
    },
    { name: 'other kinds', path: 'cm.yaml', content: `apiVersion: v1\nkind: ConfigMap\ndata:\n  password: ${password}\n` },
    {
      name: 'a SealedSecret',
      path: 'sealed.yaml',
      content: `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nspec:\n  encryptedData:\n    password: ${b64(password)}\n`,
    },
    { name: 'not a manifest file', path: 'notes.md', content: `${head}data:\n  password: ${b64(password)}\n` },
  ],
  invalid: [
    {
      name: 'data and stringData',
      path: 'k8s/db-secret.yaml',
      content: `${head}data:\n  password: ${b64(password)}\nstringData:\n  api-key: ${password}x\n`,
      errors: [
        { line: 7, column: 13, message: 'data.password' },
        { line: 9, message: 'stringData.api-key' },
      ],
    },
    {
      name: 'the second document of a multi-document file',
      path: 'app.yaml',
      content: `apiVersion: v1\nkind: Service\n---\n${head}data:\n  token: ${b64(password)}\n`,
      errors: [{ line: 10 }],
    },
    {
      name: 'a JSON manifest',
      path: 'secret.json',
      content: `{"apiVersion": "v1", "kind": "Secret",\n "data": {"password": "${b64(password)}"}}\n`,
      errors: [{ line: 2 }],
    },
  ],
});

// Settings a Secret carries beside its credentials, as seen on real sops repositories and kubernetes/examples.
const uuid = '407036f5-1f73-44ff-ba81-1f219b7a8a64';
testRule(rule, {
  valid: [
    {
      name: 'settings: a host, a port, a user, a label, a volume handle',
      path: 'db.yaml',
      content: `${head}stringData:\n  hostname: postgres-rw.database.svc\n  port: "5432"\n  username: admin\n  application: kustomize-sops\n  volumeHandle: "0001-0024-${uuid}-000000000000000b"\n  clusterID: "${uuid}"\ndata:\n  username: ${b64('admin')}\n`,
    },
    {
      name: 'placeholder passwords, plain and encoded',
      path: 'chap.yaml',
      content: `${head}data:\n  node.session.auth.password: ${b64('password')}\n  node.session.auth.password_in: ${b64('mpass2')}\n  apiPassword: ${b64('storageos')}\nstringData:\n  password: supersecret\n`,
    },
    {
      name: 'a file that assigns no credential, a certificate',
      path: 'cfg.yaml',
      content: `${head}stringData:\n  app.yaml: |\n    log_level: debug\n    password_file: /run/secrets/db\n  tls.crt: |\n    -----BEGIN CERTIFICATE-----\n    MIIB\n    -----END CERTIFICATE-----\n`,
    },
  ],
  invalid: [
    {
      name: 'a file that assigns a password, plain and encoded',
      path: 'want.yaml',
      content: `${head}stringData:\n  secret.yaml: |\n    username: admin\n    password: ${password}\ndata:\n  secret.enc.yaml: ${b64(`username: admin\npassword: ${password}\n`)}\n`,
      errors: [{ line: 11 }, { line: 7 }],
    }, // data is read before stringData
    {
      name: 'a private key, random bytes, registry credentials, a random value under any key',
      path: 'keys.yaml',
      content: `${head}data:\n  tls.key: ${b64('-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n')}\n  key: ${Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 73 + 41) % 256)).toString('base64')}\n  .dockerconfigjson: ${b64('{"auths":{"ghcr.io":{"auth":"' + b64('bot:' + password) + '"}}}')}\nstringData:\n  config: ${password}\n`,
      errors: [{ line: 7 }, { line: 8 }, { line: 9 }, { line: 11 }],
    },
  ],
});

describe('kubernetes-secret and sops', () => {
  it('passes a Secret sops encrypted with encrypted_regex ^(data|stringData)$, and reports the same manifest in plaintext', async () => {
    const manifest = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, stringData: { password } };
    const { content } = await encodeSopsFile({ store: 'yaml', data: manifest, selection: { setting: 'encrypted_regex', value: '^(data|stringData)$' } });
    expect(content).toMatch(/kind: "?Secret/);
    expect(await lintWith(rule, { path: 'k8s/db.sops.yaml', content })).toEqual([]);
    const plain = content.slice(0, content.indexOf('sops:')).replace(/ENC\[[^\]]*\]/, password);
    expect((await lintWith(rule, { path: 'k8s/db.yaml', content: plain })).map((f) => f.ruleId)).toEqual(['kubernetes-secret']);
  });
});
