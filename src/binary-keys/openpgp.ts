/**
 * OpenPGP secret keys in binary form (RFC 9580 §4-§5): a GnuPG 1.x `secring.gpg`, or `gpg --export-secret-keys`
 * without `--armor`. Both start with a Secret-Key packet (tag 5); a public keyring starts with a Public-Key packet
 * (tag 6) and is no secret. Packet headers come in the old format (tag in bits 5-2) and the new one (bits 5-0).
 */

const SECRET_KEY_TAG = 5;
/** Public-key algorithm ids a key packet may carry (RSA, Elgamal, DSA, ECDH, ECDSA, EdDSA, X25519, X448, Ed25519, Ed448). */
const KEY_ALGORITHMS = new Set([1, 2, 3, 16, 17, 18, 19, 20, 22, 25, 26, 27, 28]);

interface PacketHeader {
  readonly tag: number;
  readonly bodyStart: number;
  readonly length: number;
}

/** The header of the packet at offset 0; undefined when the bytes cannot start an OpenPGP packet. */
function firstPacketHeader(b: Uint8Array): PacketHeader | undefined {
  const first = b[0];
  if (first === undefined || (first & 0x80) === 0 || b.length < 6) return undefined;
  if (first & 0x40) {
    const l0 = b[1]!;
    if (l0 < 192) return { tag: first & 0x3f, bodyStart: 2, length: l0 };
    if (l0 < 224) return { tag: first & 0x3f, bodyStart: 3, length: ((l0 - 192) << 8) + b[2]! + 192 };
    if (l0 === 255) return { tag: first & 0x3f, bodyStart: 6, length: readUint32(b, 2) };
    return undefined; // partial body lengths are not allowed for key packets
  }
  const lengthBytes = [1, 2, 4][first & 0x03];
  if (lengthBytes === undefined) return undefined; // indeterminate length
  let length = 0;
  for (let i = 0; i < lengthBytes; i++) length = length * 256 + b[1 + i]!;
  return { tag: (first >> 2) & 0x0f, bodyStart: 1 + lengthBytes, length };
}

function readUint32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
}

/**
 * True when the bytes start with a well-formed OpenPGP Secret-Key packet: a known version and algorithm, public key
 * material of the right shape (well-formed MPIs, curve OIDs), then a valid S2K usage octet. Random bytes pass all
 * of that with negligible probability.
 */
export function isOpenPgpSecretKey(b: Uint8Array): boolean {
  const header = firstPacketHeader(b);
  if (!header || header.tag !== SECRET_KEY_TAG || header.length < 12) return false;
  const body = b.subarray(header.bodyStart, header.bodyStart + header.length);
  const version = body[0]!;
  if (version < 2 || version > 6) return false;
  // v2/v3 keep a 2-byte validity period between the creation time and the algorithm.
  const algorithmAt = version <= 3 ? 7 : 5;
  if (!KEY_ALGORITHMS.has(body[algorithmAt]!)) return false;
  const end = publicMaterialEnd(body, version, algorithmAt);
  const usage = end === undefined ? undefined : body[end];
  return usage !== undefined && (usage === 0 || usage >= 253 || (version === 4 && usage <= 13));
}

/** Octet lengths of the native key material of X25519, X448, Ed25519, Ed448. */
const NATIVE_LENGTHS: Readonly<Record<number, number>> = { 25: 32, 26: 56, 27: 32, 28: 57 };
/** How many MPIs the public key material of RSA, Elgamal and DSA holds. */
const MPI_COUNTS: Readonly<Record<number, number>> = { 1: 2, 2: 2, 3: 2, 16: 3, 17: 4 };

/** Offset just past the public key material, or undefined when it is malformed or runs past the packet. */
function publicMaterialEnd(body: Uint8Array, version: number, algorithmAt: number): number | undefined {
  const algorithm = body[algorithmAt]!;
  let at = algorithmAt + 1;
  if (version >= 5) return at + 4 + readUint32(body, at); // a 4-octet length of the key material
  const mpi = (): boolean => {
    const bits = (body[at]! << 8) | body[at + 1]!;
    const bytes = (bits + 7) >> 3;
    const lead = body[at + 2];
    // A well-formed MPI has no leading zero bits.
    if (bits === 0 || lead === undefined || 32 - Math.clz32(lead) !== bits - 8 * (bytes - 1)) return false;
    at += 2 + bytes;
    return at <= body.length;
  };
  const octets = (): boolean => {
    const n = body[at]!;
    at += 1 + n;
    return n > 0 && n < 0xff && at <= body.length;
  };
  if (MPI_COUNTS[algorithm]) return Array.from({ length: MPI_COUNTS[algorithm] }).every(mpi) ? at : undefined;
  if (NATIVE_LENGTHS[algorithm]) return at + NATIVE_LENGTHS[algorithm];
  // ECDH, ECDSA, EdDSA (legacy): a curve OID and a point; ECDH adds its KDF parameters.
  const ok = octets() && mpi() && (algorithm !== 18 || octets());
  return ok ? at : undefined;
}
