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
    { name: 'placeholders and Flux substitutions', path: 'db.yaml', content: `${head}stringData:\n  password: \${DB_PASSWORD}\n  user: changeme\ndata:\n  token: ${b64('changeme')}\n  empty: ""\n` },
    { name: 'other kinds', path: 'cm.yaml', content: `apiVersion: v1\nkind: ConfigMap\ndata:\n  password: ${password}\n` },
    { name: 'a SealedSecret', path: 'sealed.yaml', content: `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nspec:\n  encryptedData:\n    password: ${b64(password)}\n` },
    { name: 'not a manifest file', path: 'notes.md', content: `${head}data:\n  password: ${b64(password)}\n` },
  ],
  invalid: [
    { name: 'data and stringData', path: 'k8s/db-secret.yaml', content: `${head}data:\n  password: ${b64(password)}\nstringData:\n  api-key: ${password}x\n`, errors: [{ line: 7, column: 13, message: 'data.password' }, { line: 9, message: 'stringData.api-key' }] },
    { name: 'the second document of a multi-document file', path: 'app.yaml', content: `apiVersion: v1\nkind: Service\n---\n${head}data:\n  token: ${b64(password)}\n`, errors: [{ line: 10 }] },
    { name: 'a JSON manifest', path: 'secret.json', content: `{"apiVersion": "v1", "kind": "Secret",\n "data": {"password": "${b64(password)}"}}\n`, errors: [{ line: 2 }] },
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
