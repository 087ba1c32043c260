/** Well-formed recipients of every kind sops accepts, built with the real encoders (shared by the lint tests). */
import { generateKeyPairSync } from 'node:crypto';
import { base64, bech32 } from '@scure/base';
import { generateHybridIdentity, identityToRecipient } from 'age-encryption';

export const X25519 = 'age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr';

export async function hybridRecipient(): Promise<string> {
  return identityToRecipient(await generateHybridIdentity());
}

export function pluginRecipient(name = 'yubikey', bytes = 33): string {
  return bech32.encode(`age1${name}`, bech32.toWords(new Uint8Array(bytes).fill(7)), false);
}

const sshString = (b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(4 + b.length);
  new DataView(out.buffer).setUint32(0, b.length);
  out.set(b, 4);
  return out;
};
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

export function sshEd25519Recipient(): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return `ssh-ed25519 ${base64.encode(concat(sshString(text('ssh-ed25519')), sshString(raw)))} user@host`;
}

export function sshRsaRecipient(): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const e = Buffer.from(jwk.e!, 'base64url');
  const n = Buffer.concat([Buffer.from([0]), Buffer.from(jwk.n!, 'base64url')]);
  return `ssh-rsa ${base64.encode(concat(sshString(text('ssh-rsa')), sshString(e), sshString(n)))}`;
}

/** The X25519 recipient with its last character changed: the bech32 checksum fails. */
export const BAD_CHECKSUM = `${X25519.slice(0, -1)}x`;
