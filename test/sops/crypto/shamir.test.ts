import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineShares, splitSecret } from '../../../src/sops/crypto/shamir.js';

describe('Shamir over GF(2^8)', () => {
  it('rebuilds the secret from any threshold-sized subset', () => {
    const secret = randomBytes(32);
    const shares = splitSecret(secret, 5, 3);
    expect(shares.every((s) => s.length === 33)).toBe(true);
    for (const subset of [
      [0, 1, 2],
      [4, 2, 0],
      [1, 3, 4],
      [0, 1, 2, 3, 4],
    ]) {
      expect(Buffer.from(combineShares(subset.map((i) => shares[i]!)))).toEqual(secret);
    }
  });

  it('does not rebuild it from fewer shares', () => {
    const secret = randomBytes(32);
    const shares = splitSecret(secret, 3, 3);
    expect(Buffer.from(combineShares([shares[0]!, shares[1]!]))).not.toEqual(secret);
  });

  it('matches a hand-computed share: threshold 2, f(x) = s ^ c*x with HashiCorp x tags', () => {
    // Two shares of the one-byte secret 0x2a on the line f(x) = 0x2a + 0x07·x over GF(2^8) (AES polynomial):
    // f(1) = 0x2a ^ 0x07 = 0x2d; f(2) = 0x2a ^ 0x0e = 0x24.
    expect(Array.from(combineShares([Uint8Array.of(0x2d, 1), Uint8Array.of(0x24, 2)]))).toEqual([0x2a]);
    // 0x57·0x83 = 0xc1 in the AES field (FIPS-197 §4.2): f(x) = 0x00 + 0x57·x, shares at x = 0x83 and x = 1.
    expect(Array.from(combineShares([Uint8Array.of(0xc1, 0x83), Uint8Array.of(0x57, 1)]))).toEqual([0x00]);
  });

  it('round-trips any secret (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.integer({ min: 2, max: 5 }), (secret, threshold) => {
        const shares = splitSecret(secret, threshold + 1, threshold);
        expect(Array.from(combineShares(shares.slice(1)))).toEqual(Array.from(secret));
      }),
      { numRuns: 50 },
    );
  });

  it('rejects duplicate and mismatched shares', () => {
    expect(() => combineShares([Uint8Array.of(1, 1), Uint8Array.of(2, 1)])).toThrow('duplicate');
    expect(() => combineShares([Uint8Array.of(1, 1), Uint8Array.of(2, 3, 2)])).toThrow('same length');
  });
});
