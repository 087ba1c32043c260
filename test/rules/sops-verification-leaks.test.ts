/**
 * No finding of the verification rules ever carries a decrypted value or the data key: every message produced on
 * every tampered copy (and on the requireVerification path) is checked against all plaintexts of the file and the
 * key in hex and base64.
 */
import { describe, expect, it } from 'vitest';
import { rule as macRule } from '../../rules/sops-mac-mismatch.js';
import { rule as valueRule } from '../../rules/sops-undecryptable-value.js';
import { decryptValue, valueAad } from '../../src/sops/crypto/aes-gcm.js';
import { macAad } from '../../src/sops/crypto/mac.js';
import { parseSopsFile } from '../../src/sops/stores/index.js';
import type { Finding } from '../../src/types.js';
import { lintWith } from '../helpers/rule-tester.js';
import { dataKeyOf } from '../sops/fixtures.js';
import { AGE_FILES, identity, original, tamperedCopies } from './sops-verification-cases.js';

/**
 * Every plaintext of a real file decrypted with its derived data key, and the decrypted MAC. A value spelled like
 * one of the file's key names (humphd's `string: string`) is left out: key names are public and findings name paths.
 */
function plaintextsOf(path: string): string[] {
  const model = parseSopsFile(path, original(path));
  if ('error' in model) throw new Error(model.error);
  const key = dataKeyOf(path);
  const keyNames = new Set(model.leaves.flatMap((l) => l.path));
  const values = model.leaves.filter((l) => l.text.startsWith('ENC[')).map((l) => decryptValue(key, l.text, valueAad(l.path)).plaintext.toString('utf8'));
  const mac = decryptValue(key, model.metadata!.mac!, macAad(model.metadata!.lastmodified)).plaintext.toString('utf8');
  expect(mac).toMatch(/^[0-9A-F]{128}$/);
  return [...values.filter((v) => !keyNames.has(v)), mac];
}

describe('verification findings never leak', () => {
  it('no message contains a decrypted value, the MAC, or the data key', async () => {
    const findings: Finding[] = [];
    for (const path of AGE_FILES) {
      for (const c of [...Object.values(tamperedCopies(path)), { name: 'original', path, content: original(path) }]) {
        findings.push(...(await lintWith(macRule, { ...c, ageIdentities: [identity()] })));
        findings.push(...(await lintWith(valueRule, { ...c, ageIdentities: [identity()] })));
        findings.push(...(await lintWith(macRule, { ...c, options: { requireVerification: true } })));
      }
    }
    // Every kind of finding is in the sample.
    expect(new Set(findings.map((f) => f.message.split(/[:.]/)[0]))).toEqual(
      new Set([
        'the value at secret fails authentication under its path (moved or copied from another key or file, or altered)',
        'the value at string fails authentication under its path (moved or copied from another key or file, or altered)',
        'the value at another_secret fails authentication under its path (moved or copied from another key or file, or altered)',
        'Cannot decrypt MAC',
        'MAC mismatch',
        'cannot verify',
      ]),
    );
    const messages = findings.map((f) => f.message).join('\n');
    for (const path of AGE_FILES) {
      const secrets = plaintextsOf(path);
      expect(secrets.length).toBeGreaterThanOrEqual(3);
      for (const secret of secrets) {
        // One- and two-character values (7, 3.14 is longer) cannot be told apart from ordinary text; all else must be absent.
        if (secret.length >= 3) expect(messages, `${path} leaks a plaintext`).not.toContain(secret);
      }
      const key = Buffer.from(dataKeyOf(path));
      for (const form of [key.toString('hex'), key.toString('hex').toUpperCase(), key.toString('base64')]) expect(messages).not.toContain(form);
    }
  });
});
