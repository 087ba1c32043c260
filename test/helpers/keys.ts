/** Real private keys made at test time (never committed), so the detector is tested on what tools really write. */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';

export function pemKeys(): Record<string, { privateKey: string; publicKey: string }> {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const dsa = generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 224 });
  const ed = generateKeyPairSync('ed25519');
  const pub = (k: { publicKey: import('node:crypto').KeyObject }) => k.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return {
    'RSA (PKCS#1)': { privateKey: rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(), publicKey: pub(rsa) },
    'EC (SEC1)': { privateKey: ec.privateKey.export({ type: 'sec1', format: 'pem' }).toString(), publicKey: pub(ec) },
    'DSA (PKCS#8)': { privateKey: dsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey: pub(dsa) },
    'Ed25519 (PKCS#8)': { privateKey: ed.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey: pub(ed) },
    'encrypted PKCS#8': {
      privateKey: rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'test' }).toString(),
      publicKey: pub(rsa),
    },
    'legacy encrypted RSA': {
      privateKey: rsa.privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'test' }).toString(),
      publicKey: pub(rsa),
    },
  };
}

/** An OpenSSH key pair from the real ssh-keygen. */
export function opensshKey(): { privateKey: string; publicKey: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sg-ssh-'));
  try {
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'test', '-f', join(dir, 'id')]);
    return { privateKey: readFileSync(join(dir, 'id'), 'utf8'), publicKey: readFileSync(join(dir, 'id.pub'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function ageKey(): Promise<{ identity: string; recipient: string }> {
  const identity = await generateIdentity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export const pgpPrivateKeyFixture = (): string => readFileSync(new URL('../fixtures/keys/pgp-test-private-key.asc', import.meta.url), 'utf8');
