import { describe, expect, it } from 'vitest';
import { rule } from '../../rules/private-key.js';
import { lintWith } from '../helpers/rule-tester.js';
import { ageKey, opensshKey, pemKeys, pgpPrivateKeyFixture } from '../helpers/keys.js';

// secrets-guard-allow: a made-up PuTTY key (random base64), the input of the PuTTY case
const PUTTY = `PuTTY-User-Key-File-3: ssh-ed25519
Encryption: none
Comment: test
Public-Lines: 2
AAAAC3NzaC1lZDI1NTE5AAAAIJ0nq3L3Y3qk0Zx8o5R6y5u0Zr3vFh8q6yX2k7Jm0t9a
Private-Lines: 1
AAAAIGmLqL1kHq3V0s8zY2b3c4d5e6f7g8h9i0j1k2l3m4n5o6p7
Private-MAC: 0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0
`;

async function lint(path: string, content: string) {
  return lintWith(rule, { path, content });
}

describe('private-key', () => {
  for (const [kind, { privateKey, publicKey }] of Object.entries(pemKeys())) {
    it(`finds a ${kind} key and passes its public key`, async () => {
      const found = await lint('deploy/key.pem', `# deploy key\n${privateKey}`);
      expect(found).toHaveLength(1);
      expect(found[0]!.line).toBe(2);
      expect(found[0]!.message).not.toContain(privateKey.split('\n')[1]!);
      expect(await lint('deploy/key.pub', publicKey)).toEqual([]);
    });
  }

  it('finds an OpenSSH key from ssh-keygen, indented in YAML, and passes the .pub', async () => {
    const { privateKey, publicKey } = opensshKey();
    const yaml = `ssh:\n  key: |\n${privateKey
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n')}`;
    expect((await lint('values.yaml', yaml)).map((f) => f.line)).toEqual([3]);
    expect(await lint('id_ed25519.pub', publicKey)).toEqual([]);
  });

  it('finds the PGP private key blocks of sops test keys', async () => {
    expect((await lint('keys.asc', pgpPrivateKeyFixture())).map((f) => f.line)).toEqual([1, 59]);
  });

  it('finds age identities and passes age recipients', async () => {
    const { identity, recipient } = await ageKey();
    const keys = `# created: 2025-01-01\n# public key: ${recipient}\n${identity}\n`;
    const found = await lint('keys.txt', keys);
    expect(found.map((f) => f.line)).toEqual([3]);
    expect(found[0]!.message).not.toContain(identity);
    expect(await lint('.sops.yaml', `creation_rules:\n  - age: ${recipient}\n`)).toEqual([]);
  });

  it('finds a PEM key inside a JSON string with \\n escapes (GCP service-account file)', async () => {
    const { privateKey } = pemKeys()['Ed25519 (PKCS#8)']!;
    const json = JSON.stringify({ type: 'service_account', project_id: 'demo', private_key: privateKey }, null, 2);
    const found = await lint('sa.json', json);
    expect(found.map((f) => f.line)).toEqual([4]);
    expect(found[0]!.message).not.toContain(privateKey.split('\n')[1]!);
  });

  it('finds PuTTY keys', async () => {
    expect((await lint('key.ppk', PUTTY)).map((f) => f.line)).toEqual([1]);
  });

  it('ignores headers without a key body and sops wrapped data keys', async () => {
    const docs = 'Look for `-----BEGIN RSA PRIVATE KEY-----` in your files.\n-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n';
    expect(await lint('README.md', docs)).toEqual([]);
    const wrapped = `enc: |\n  -----BEGIN AGE ENCRYPTED FILE-----\n  YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBFUnlKUWhwRnJOaWhnSGZk\n  -----END AGE ENCRYPTED FILE-----\n`;
    expect(await lint('secret.sops.yaml', wrapped)).toEqual([]);
  });
  describe('a key split across concatenated string literals, or escaped twice', () => {
    const { privateKey } = pemKeys()['Ed25519 (PKCS#8)']!;
    const lines = privateKey.trim().split('\n');
    const cases: Record<string, string> = {
      'JavaScript +': `const key =\n${lines.map((l) => `  "${l}\\n"`).join(' +\n')};\n`,
      'Java + at the line start': `String key = "${lines[0]}\\n"\n    + "${lines.slice(1).join('\\n"\n    + "')}";\n`,
      'Python implicit concatenation': `KEY = (\n${lines.map((l) => `    "${l}\\n"`).join('\n')}\n)\n`,
      'PHP .': `$key = '${lines[0]}' .\n  '${lines.slice(1).join("' .\n  '")}';\n`,
      'no line break at all': `key = "${lines[0]}" + "${lines.slice(1).join('" + "')}"\n`,
      'an array of lines': `key: [${lines.map((l) => `"${l}"`).join(', ')}]\n`,
      'JSON inside a JSON string': JSON.stringify({ config: JSON.stringify({ private_key: privateKey }) }),
    };
    for (const [name, content] of Object.entries(cases)) {
      it(name, async () => {
        const found = await lint('src/keys.txt', content);
        expect(found.map((f) => f.ruleId)).toEqual(['private-key']);
        expect(found[0]!.message).not.toContain(lines[1]!);
      });
    }
  });
});
