/**
 * Private keys that exist only in binary form, recognised by their first bytes. The fixtures are throwaway keys made
 * with the real tools (test/fixtures/binary-keys/generate.sh: gpg, openssl, keytool).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rule } from '../../rules/private-key.js';
import { binaryPrivateKeyKind } from '../../src/binary-keys/index.js';
import { lintWith, testRule } from '../helpers/rule-tester.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/binary-keys/${name}`, import.meta.url));
const bin = (path: string, bytes: Uint8Array) => ({ path, content: '', bytes });

/** The same packets with the first header rewritten in the new format (RFC 9580 §4.2.1). */
function newFormatHeader(oldFormat: Buffer): Buffer {
  const lengthBytes = [1, 2, 4][oldFormat[0]! & 0x03]!;
  let length = 0;
  for (let i = 0; i < lengthBytes; i++) length = length * 256 + oldFormat[1 + i]!;
  const tag = (oldFormat[0]! >> 2) & 0x0f;
  const header = length < 192 ? [0xc0 | tag, length] : [0xc0 | tag, ((length - 192) >> 8) + 192, (length - 192) & 0xff];
  return Buffer.concat([Buffer.from(header), oldFormat.subarray(1 + lengthBytes)]);
}

/** gpg-agent's canonical S-expression (before the "Key:" text format): length-prefixed atoms, binary numbers. */
function canonicalAgentKey(kind: 'private-key' | 'protected-private-key' | 'shadowed-private-key'): Buffer {
  const atom = (b: Buffer | string) => Buffer.concat([Buffer.from(`${Buffer.byteLength(b)}:`), Buffer.from(b)]);
  const list = (...items: Buffer[]) => Buffer.concat([Buffer.from('('), ...items, Buffer.from(')')]);
  return list(
    atom(kind),
    list(
      atom('rsa'),
      list(atom('n'), atom(randomBytes(128))),
      list(atom('e'), atom(Buffer.from([1, 0, 1]))),
      list(atom('d'), atom(Buffer.concat([Buffer.from([0]), randomBytes(127)]))),
    ),
  );
}

testRule(rule, {
  valid: [
    { name: 'a public keyring (tag 6 packets)', ...bin('pubring.gpg', fixture('pubring.gpg')) },
    { name: 'a DER certificate', ...bin('certs/ca.der', fixture('cert.der')) },
    { name: 'a PKCS#12 truststore (certificates only)', ...bin('truststore.p12', fixture('truststore.p12')) },
    { name: 'a JKS truststore', ...bin('truststore.jks', fixture('truststore.jks')) },
    { name: 'a smartcard stub (shadowed-private-key)', ...bin('private-keys-v1.d/stub.key', canonicalAgentKey('shadowed-private-key')) },
    { name: 'random binary', ...bin('logo.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), randomBytes(2048)])) },
  ],
  invalid: [
    {
      name: 'a binary secret keyring (old packet format)',
      ...bin('secring.gpg', fixture('secring.gpg')),
      errors: [{ line: 1, message: 'OpenPGP secret key' }],
    },
    { name: 'the same in the new packet format', ...bin('private.gpg', newFormatHeader(fixture('secring.gpg'))), errors: [{ message: 'OpenPGP secret key' }] },
    {
      name: 'PKCS#12 with a private key (openssl pkcs12 -export)',
      ...bin('tls/server.pfx', fixture('keystore.p12')),
      errors: [{ message: 'PKCS#12 key store' }],
    },
    { name: 'a JKS keystore with a private key', ...bin('keystore.jks', fixture('keystore.jks')), errors: [{ message: 'Java key store' }] },
    { name: 'a JCEKS keystore with a secret key', ...bin('secret.jceks', fixture('secret.jceks')), errors: [{ message: 'Java key store' }] },
    {
      name: 'gpg-agent key, "Key:" text format, unprotected',
      ...bin('private-keys-v1.d/A1.key', fixture('agent-unprotected.key')),
      errors: [{ line: 2, message: 'gpg-agent private key' }],
    },
    {
      name: 'gpg-agent key, "Key:" text format, passphrase-protected',
      ...bin('private-keys-v1.d/B2.key', fixture('agent-protected.key')),
      errors: [{ line: 2, message: 'gpg-agent private key' }],
    },
    {
      name: 'gpg-agent key, canonical S-expression',
      ...bin('private-keys-v1.d/C3.key', canonicalAgentKey('private-key')),
      errors: [{ message: 'gpg-agent private key' }],
    },
    {
      name: 'gpg-agent key, canonical, protected',
      ...bin('private-keys-v1.d/D4.key', canonicalAgentKey('protected-private-key')),
      errors: [{ message: 'gpg-agent private key' }],
    },
  ],
});

describe('binary private keys', () => {
  it('never names the key bytes in the message', async () => {
    const [finding] = await lintWith(rule, bin('secring.gpg', fixture('secring.gpg')));
    expect(finding!.message).toBe(
      'OpenPGP secret key (binary keyring or export) committed in plaintext: remove it (and rotate it: git history keeps it), or sops-encrypt the file',
    );
    expect(finding!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('random bytes are never taken for a key, even after a plausible first byte', () => {
    const starts = [0x94, 0x95, 0x96, 0xc5, 0x30, 0xfe, 0xce, 0x28];
    fc.assert(
      fc.property(
        fc.constantFrom(...starts),
        fc.uint8Array({ minLength: 0, maxLength: 600 }),
        (first, rest) => binaryPrivateKeyKind(Uint8Array.from([first, ...rest])) === undefined,
      ),
      { numRuns: 2000, seed: 14 },
    );
  });

  it('truncated keys are no crash', () => {
    for (const name of ['secring.gpg', 'keystore.p12', 'keystore.jks', 'secret.jceks', 'truststore.jks']) {
      const bytes = fixture(name);
      for (let n = 0; n <= bytes.length; n += 7) expect(() => binaryPrivateKeyKind(bytes.subarray(0, n))).not.toThrow();
    }
  });
});
