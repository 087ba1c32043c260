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
