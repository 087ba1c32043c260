/**
 * Shannon entropy of a token, in bits per character, and the charset a token is judged by. A hex token is
 * judged as hex only (its ceiling is 4 bits, so base64's threshold would never fire); anything else in the
 * base64/base64url alphabet as base64, as detect-secrets' HexHighEntropyString / Base64HighEntropyString do.
 */

export type Charset = 'base64' | 'hex';

export function shannonEntropy(token: string): number {
  const counts = new Map<string, number>();
  for (const ch of token) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / token.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const HEX = /^[0-9a-fA-F]+$/;

export function charsetOf(token: string): Charset {
  return HEX.test(token) ? 'hex' : 'base64';
}

const ALPHABET_SIZE: Record<Charset, number> = { base64: 64, hex: 16 };
const expected = new Map<string, number>();

/**
 * The Shannon entropy a uniformly random string of `length` characters of the charset has on average, exactly:
 * log2(n) - (k/n)·E[N·log2 N] with N ~ Binomial(n, 1/k) the count of one character. It is well below log2(k) for
 * short strings: 4.56 bits for 32 random base64 characters, 3.61 for 32 hex, 4.04 for 20 base64.
 */
export function randomStringEntropy(length: number, charset: Charset): number {
  const cacheKey = `${charset}:${length}`;
  const cached = expected.get(cacheKey);
  if (cached !== undefined) return cached;
  const k = ALPHABET_SIZE[charset];
  const p = 1 / k;
  let probability = (1 - p) ** length; // P(N = 0)
  let sum = 0;
  for (let j = 1; j <= length; j++) {
    probability *= ((length - j + 1) / j) * (p / (1 - p));
    sum += probability * j * Math.log2(j);
  }
  const bits = Math.log2(length) - (k / length) * sum;
  expected.set(cacheKey, bits);
  return bits;
}

/** How far below its average a random string's entropy may fall and still count as random (about 1 in 1,000 do). */
const RANDOM_MARGIN = 0.5;

/**
 * The bits per character a token of `length` must exceed. A threshold is set for long tokens; a short one cannot
 * reach it even when random (a random 32-character base64 secret has 4.56 bits on average, and 4.5 would miss a
 * third of them), so a token is given back the shortfall between the default threshold and what random strings of
 * its length reach: the default bar becomes "random-looking for its length", and a configured one moves with it.
 */
export function thresholdFor(length: number, charset: Charset, configured: number, defaultThreshold: number): number {
  const randomBar = randomStringEntropy(length, charset) - RANDOM_MARGIN;
  return configured - Math.max(0, defaultThreshold - randomBar);
}
