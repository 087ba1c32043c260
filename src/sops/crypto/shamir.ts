/**
 * Shamir secret sharing as sops uses it for more than one key group (docs/sops-format.md §1.3, sops `shamir/shamir.go`,
 * HashiCorp Vault's scheme): each share is the secret's bytes evaluated on random polynomials over GF(2^8) with the
 * AES polynomial, followed by one byte holding the share's x coordinate.
 */
import { randomBytes } from 'node:crypto';

function mult(a: number, b: number): number {
  let product = 0;
  for (let i = 7; i >= 0; i--) {
    product = (((product << 1) ^ ((product & 0x80) !== 0 ? 0x1b : 0)) & 0xff) ^ (((b >> i) & 1) !== 0 ? a : 0);
  }
  return product;
}

/** a^254 = a^-1 in GF(2^8). */
function inverse(a: number): number {
  let result = 1;
  for (let i = 0; i < 254; i++) result = mult(result, a);
  return result;
}

/** Lagrange interpolation at x = 0, one byte position at a time. */
export function combineShares(shares: readonly Uint8Array[]): Uint8Array {
  if (shares.length < 2) throw new RangeError('at least two shares are needed');
  const length = shares[0]!.length;
  if (length < 2 || shares.some((s) => s.length !== length)) throw new RangeError('shares must all have the same length');
  const xs = shares.map((s) => s[length - 1]!);
  if (new Set(xs).size !== xs.length) throw new RangeError('duplicate share');
  const secret = new Uint8Array(length - 1);
  for (let byte = 0; byte < length - 1; byte++) {
    let value = 0;
    shares.forEach((share, i) => {
      let basis = 1;
      xs.forEach((xj, j) => {
        if (i !== j) basis = mult(basis, mult(xj, inverse(xs[i]! ^ xj)));
      });
      value ^= mult(share[byte]!, basis);
    });
    secret[byte] = value;
  }
  return secret;
}

/** Splits `secret` into `parts` shares, any `threshold` of which rebuild it (used by the test encoder). */
export function splitSecret(secret: Uint8Array, parts: number, threshold: number): Uint8Array[] {
  if (threshold < 2 || parts < threshold || parts > 255) throw new RangeError('need 2 <= threshold <= parts <= 255');
  const shares = Array.from({ length: parts }, (_, i) => {
    const share = new Uint8Array(secret.length + 1);
    share[secret.length] = i + 1;
    return share;
  });
  secret.forEach((intercept, byte) => {
    const coefficients = [intercept, ...randomBytes(threshold - 1)];
    for (const share of shares) {
      const x = share[secret.length]!;
      share[byte] = coefficients.reduceRight((acc, c) => mult(acc, x) ^ c, 0);
    }
  });
  return shares;
}
