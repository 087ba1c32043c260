/**
 * Private keys committed in binary form (GnuPG keyrings, gpg-agent key files, PKCS#12, Java key stores), made by
 * the real tools (test/fixtures/binary-keys/generate.sh), in a real repository through the built binary; and a key
 * file that a creation rule also covers is reported once.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/binary-keys/${name}`, import.meta.url));

let repo: TestRepo;
afterEach(() => repo?.cleanup());

describe('binary private keys', () => {
  it('are found by their bytes; public keyrings, certificates and truststores pass', () => {
    repo = makeRepo();
    const files: Record<string, string> = {
      'ops/gnupg/secring.gpg': 'secring.gpg',
      'ops/gnupg/pubring.gpg': 'pubring.gpg',
      'ops/gnupg/private-keys-v1.d/3F2A.key': 'agent-protected.key',
      'tls/server.pfx': 'keystore.p12',
      'tls/truststore.p12': 'truststore.p12',
      'tls/ca.der': 'cert.der',
      'java/keystore.jks': 'keystore.jks',
      'java/truststore.jks': 'truststore.jks',
      'java/secrets.jceks': 'secret.jceks',
    };
    for (const [path, name] of Object.entries(files)) repo.write(path, fixture(name));
    repo.git('add', '-A');
    const out = repo.guard(['check', '--all', '--format', 'json']);
    const found = JSON.parse(out.stdout)
      .findings.map((f: { path: string; ruleId: string }) => `${f.path} ${f.ruleId}`)
      .sort();
    expect(found).toEqual([
      'java/keystore.jks private-key',
      'java/secrets.jceks private-key',
      'ops/gnupg/private-keys-v1.d/3F2A.key private-key',
      'ops/gnupg/secring.gpg private-key',
      'tls/server.pfx private-key',
    ]);
    expect(out.status).toBe(1);
    // Staged mode too: the commit that adds a keyring is blocked.
    expect(repo.guard(['check']).status).toBe(1);
  });

  it('a key file that a creation rule covers is reported once, by private-key', () => {
    repo = makeRepo();
    repo.write('.sops.yaml', 'creation_rules:\n  - path_regex: ^keys/\n    age: age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr\n');
    repo.write('keys/deploy.p12', fixture('keystore.p12'));
    repo.write('keys/secring.gpg', fixture('secring.gpg'));
    repo.write('keys/notes.yaml', 'owner: platform\n');
    repo.git('add', '-A');
    const out = repo.guard(['check', '--all', '--format', 'json']);
    const found = JSON.parse(out.stdout)
      .findings.map((f: { path: string; ruleId: string }) => `${f.path} ${f.ruleId}`)
      .sort();
    expect(found).toEqual(['keys/deploy.p12 private-key', 'keys/notes.yaml sops-unencrypted-file', 'keys/secring.gpg private-key']);
  });
});
