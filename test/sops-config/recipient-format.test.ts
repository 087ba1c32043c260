import { bech32 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { ageRecipientProblem, pgpFingerprintProblem } from '../../src/sops/config/recipient-format.js';
import { BAD_CHECKSUM, hybridRecipient, pluginRecipient, sshEd25519Recipient, sshRsaRecipient, X25519 } from './recipient-samples.js';

describe('ageRecipientProblem (age/keysource.go parseRecipient)', () => {
  it('accepts X25519, hybrid post-quantum, plugin and SSH recipients', async () => {
    const hybrid = await hybridRecipient();
    expect(hybrid.startsWith('age1pq1')).toBe(true);
    for (const r of [X25519, ` ${X25519} `, hybrid, pluginRecipient(), pluginRecipient('tpm', 40), sshEd25519Recipient(), sshRsaRecipient()]) {
      expect(ageRecipientProblem(r), r.slice(0, 30)).toBeUndefined();
    }
  });

  it('refuses a bad checksum, a wrong length, a wrong prefix, an unknown type', () => {
    expect(ageRecipientProblem(BAD_CHECKSUM)).toMatch(/bech32/);
    const short = bech32.encode('age', bech32.toWords(new Uint8Array(31)), false);
    expect(ageRecipientProblem(short)).toMatch(/32 bytes, this one 31/);
    expect(ageRecipientProblem('age1pq1' + 'q'.repeat(60))).toBeDefined();
    expect(ageRecipientProblem(bech32.encode('age1pq', bech32.toWords(new Uint8Array(32)), false))).toMatch(/post-quantum/);
    expect(ageRecipientProblem('AGE-SECRET-KEY-1QQQ')).toMatch(/an age secret key \(an identity\), not a recipient/);
    expect(ageRecipientProblem(X25519.toUpperCase())).toMatch(/not an age recipient/);
    expect(ageRecipientProblem('age1')).toMatch(/bech32/);
  });

  it('refuses SSH keys age cannot use or that are damaged', () => {
    expect(ageRecipientProblem('ssh-dss AAAAB3NzaC1kc3MAAACBAP')).toMatch(/unsupported SSH key type/);
    const ed = sshEd25519Recipient();
    expect(ageRecipientProblem(ed.replace('ssh-ed25519', 'ssh-rsa'))).toMatch(/not a ssh-rsa key/);
    expect(ageRecipientProblem('ssh-ed25519 !!!')).toMatch(/base64/);
  });
});

describe('pgpFingerprintProblem', () => {
  it('accepts 40-hex fingerprints (with spaces, "!", a 0x prefix, any case), 16-hex long ids and 64-hex v6 fingerprints', () => {
    // `0x1D0FFC1902304AED!` is how a real sops-nix repository names its subkey: gpg takes it, and sops writes it back.
    for (const fp of [
      'FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4',
      'fbc7 b9e2 a4f9 289a c0c1 d484 3d16 cee4 a273 81b4!',
      '3D16CEE4A27381B4',
      'A'.repeat(64),
      '0x1D0FFC1902304AED!',
      '0xFBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4',
    ]) {
      expect(pgpFingerprintProblem(fp)).toBeUndefined();
    }
  });

  it('flags short ids, non-hex text and stray characters', () => {
    for (const fp of ['A27381B4', 'FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381BZ', 'alice@example.com', '0x0xFBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4', '0x']) {
      expect(pgpFingerprintProblem(fp)).toMatch(/is not a PGP fingerprint/);
    }
  });
});
