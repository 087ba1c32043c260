/**
 * Keys and certificates carried as base64 (kubeconfig `client-key-data`, Talos and Helm values, DKIM `p=`): a
 * base64-encoded PEM says what it is in its BEGIN line, and DER shows a public key or a certificate in its first
 * bytes. A private key is reported wherever it is; certificates and public keys never are.
 */

export type EncodedKey = { readonly kind: 'private key'; readonly label: string } | { readonly kind: 'public' };

/** base64 of `-----BEGIN`, as it reads at the start of a base64-encoded PEM. */
const PEM_BASE64_PREFIX = 'LS0tLS1CRUdJTi';
const PEM_LABEL = /^-----BEGIN ([A-Z0-9 ]+)-----/;

/** Cheap first test, for every token: could it be a base64-encoded PEM? */
export const mayBeEncodedPem = (token: string): boolean => token.startsWith(PEM_BASE64_PREFIX);

export function classifyEncodedKey(token: string): EncodedKey | undefined {
  if (mayBeEncodedPem(token)) {
    const label = PEM_LABEL.exec(Buffer.from(token.slice(0, 96), 'base64').toString('latin1'))?.[1];
    if (label === undefined) return undefined;
    return /PRIVATE KEY/.test(label) ? { kind: 'private key', label } : { kind: 'public' };
  }
  if (token.startsWith('M') && isPublicDer(Buffer.from(token.slice(0, 64), 'base64'))) return { kind: 'public' };
  return undefined;
}

/**
 * A DER SubjectPublicKeyInfo (SEQUENCE { SEQUENCE { OID ... }, BIT STRING }) or an X.509 certificate (SEQUENCE {
 * SEQUENCE { [0] { INTEGER 2 } ... } }). Random bytes pass these checks about once in four billion times.
 */
function isPublicDer(der: Uint8Array): boolean {
  if (der[0] !== 0x30) return false;
  const inner = afterLength(der, 1);
  if (der[inner] !== 0x30) return false;
  const algorithmLength = der[inner + 1]!;
  if (algorithmLength < 0x80 && der[inner + 2] === 0x06 && der[inner + 2 + algorithmLength] === 0x03) return true;
  const tbs = afterLength(der, inner + 1);
  return der[tbs] === 0xa0 && der[tbs + 1] === 0x03 && der[tbs + 2] === 0x02 && der[tbs + 3] === 0x01;
}

/** The offset after a DER length field that starts at `at` (short form, or long form of one or two bytes). */
function afterLength(der: Uint8Array, at: number): number {
  const first = der[at]!;
  return first < 0x80 ? at + 1 : at + 1 + (first & 0x7f);
}
