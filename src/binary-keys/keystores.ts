/**
 * Binary key stores that hold private or secret keys: PKCS#12 (`.p12`, `.pfx`, Java's default keystore type) and
 * Java's own JKS and JCEKS formats. A store of trusted certificates only (a truststore) is no secret: PKCS#12 is
 * reported when a key bag is visible in it (OpenSSL, keytool and Windows put keys in a plain `data` content whose
 * bag ids are readable; certificates are usually in an encrypted one), JKS/JCEKS when an entry is a key entry.
 */

const PKCS7_DATA = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01];
const PKCS7_SIGNED_DATA = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];
/** pkcs-12 bag types 1.2.840.113549.1.12.10.1.{1,2}: keyBag and pkcs8ShroudedKeyBag. */
const KEY_BAGS = [
  Uint8Array.from([0x06, 0x0b, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x0a, 0x01, 0x01]),
  Uint8Array.from([0x06, 0x0b, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x0a, 0x01, 0x02]),
];

/** Offset just past a DER/BER tag-and-length at `at` with the given tag; undefined when it is not one. */
function skipHeader(b: Uint8Array, at: number, tag: number): number | undefined {
  if (b[at] !== tag) return undefined;
  const first = b[at + 1];
  if (first === undefined) return undefined;
  if (first < 0x80) return at + 2;
  if (first === 0x80) return at + 2; // BER indefinite length (constructed only)
  const count = first & 0x7f;
  return count <= 4 ? at + 2 + count : undefined;
}

const startsWithAt = (b: Uint8Array, at: number, bytes: readonly number[]): boolean => bytes.every((x, i) => b[at + i] === x);

function contains(b: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf(needle) !== -1;
}

/** PFX: SEQUENCE { INTEGER 3, ContentInfo { pkcs7-data | pkcs7-signedData, ... } } with a key bag in it. */
export function isPkcs12WithKey(b: Uint8Array): boolean {
  const version = skipHeader(b, 0, 0x30);
  if (version === undefined || !startsWithAt(b, version, [0x02, 0x01, 0x03])) return false;
  const authSafe = skipHeader(b, version + 3, 0x30);
  if (authSafe === undefined || !(startsWithAt(b, authSafe, PKCS7_DATA) || startsWithAt(b, authSafe, PKCS7_SIGNED_DATA))) return false;
  return KEY_BAGS.some((bag) => contains(b, bag));
}

const JKS_MAGIC = 0xfeedfeed;
const JCEKS_MAGIC = 0xcececece;

/**
 * A JKS or JCEKS store with a private-key entry (tag 1) or a JCEKS secret-key entry (tag 3), found by walking the
 * entries (sun.security.provider.JavaKeyStore); a store of trusted certificates (tag 2) only is not reported.
 */
export function isJavaKeyStoreWithKey(b: Uint8Array): boolean {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length < 12) return false;
  const magic = view.getUint32(0);
  const version = view.getUint32(4);
  if ((magic !== JKS_MAGIC && magic !== JCEKS_MAGIC) || (version !== 1 && version !== 2)) return false;
  const entries = view.getUint32(8);
  let at = 12;
  const u16 = (): number => {
    const v = view.getUint16(at);
    at += 2;
    return v;
  };
  const u32 = (): number => {
    const v = view.getUint32(at);
    at += 4;
    return v;
  };
  const skipCertificate = (): void => {
    if (version === 2) at += u16(); // certificate type, e.g. "X.509"
    at += u32();
  };
  try {
    for (let i = 0; i < entries; i++) {
      const tag = u32();
      if (tag === 1 || tag === 3) return true;
      if (tag !== 2) return false;
      at += u16() + 8; // alias, creation date
      skipCertificate();
    }
  } catch {
    // Ran past the bytes at hand: nothing but certificates so far.
  }
  return false;
}
