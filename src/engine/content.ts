/**
 * What kind of bytes a file holds, and the text rules see. UTF-8 is the default; a byte order mark selects
 * UTF-16 or UTF-32 (PowerShell 5 writes UTF-16LE with a BOM). Without a BOM, a NUL byte in the first 8000 bytes
 * means binary, as git decides, unless the NULs fall where UTF-16 or UTF-32 puts them in mostly-ASCII text: a BOM
 * is easy to drop, and a token must not hide behind its absence.
 */

type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
  /**
   * The bytes with every NUL removed, read as UTF-8, for files that hold NULs: ASCII written in any of these
   * encodings reads plainly there, so text of one encoding spliced into a file of another (UTF-8 after a UTF-16
   * BOM, UTF-16 after 8000 bytes of UTF-8) is still seen by the secret detectors. Absent when it says nothing
   * new (mostly-ASCII UTF-16 reads the same either way).
   */
  readonly withoutNuls?: string;
}

const SNIFF_BYTES = 8000;

const BOMS: ReadonlyArray<readonly [TextEncoding, readonly number[]]> = [
  // UTF-32LE's BOM starts with UTF-16LE's, so it is tried first.
  ['utf-32le', [0xff, 0xfe, 0x00, 0x00]],
  ['utf-32be', [0x00, 0x00, 0xfe, 0xff]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
  ['utf-8', [0xef, 0xbb, 0xbf]],
];

function bomOf(bytes: Uint8Array): { encoding: TextEncoding; length: number } | undefined {
  const found = BOMS.find(([, bom]) => bom.length <= bytes.length && bom.every((b, i) => bytes[i] === b));
  return found && { encoding: found[0], length: found[1].length };
}

/** Share of NUL bytes at each position modulo 4 of the sniffed window. */
function nulShares(window: Uint8Array): number[] {
  const nuls = [0, 0, 0, 0];
  const seen = [0, 0, 0, 0];
  for (let i = 0; i < window.length; i++) {
    seen[i & 3]!++;
    if (window[i] === 0) nuls[i & 3]!++;
  }
  return nuls.map((n, i) => (seen[i] === 0 ? 0 : n / seen[i]!));
}

const MOSTLY = 0.9;
const RARELY = 0.1;

/** UTF-16 or UTF-32 without a BOM, told by where the NULs of its ASCII characters fall; undefined for binary. */
function wideEncodingByLayout(bytes: Uint8Array): TextEncoding | undefined {
  const window = bytes.subarray(0, SNIFF_BYTES);
  if (window.length < 4) return undefined;
  const [a, b, c, d] = nulShares(window) as [number, number, number, number];
  const nul = (s: number): boolean => s >= MOSTLY;
  const char = (s: number): boolean => s <= RARELY;
  if (char(a) && nul(b) && nul(c) && nul(d)) return 'utf-32le';
  if (nul(a) && nul(b) && nul(c) && char(d)) return 'utf-32be';
  if (char(a) && char(c) && nul(b) && nul(d)) return 'utf-16le';
  if (nul(a) && nul(c) && char(b) && char(d)) return 'utf-16be';
  return undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    chunk.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
    if (chunk.length === 4096) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  if (bytes.length % 4 !== 0) chunk.push(0xfffd);
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

function decodeAs(encoding: TextEncoding, body: Uint8Array): string {
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return decodeUtf32(body, encoding === 'utf-32le');
  // Not fatal: a lone surrogate or a trailing odd byte becomes U+FFFD instead of hiding the rest of the file.
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(body);
}

function withoutNulBytes(bytes: Uint8Array): string {
  const kept = new Uint8Array(bytes.length);
  let n = 0;
  for (const b of bytes) if (b !== 0) kept[n++] = b;
  return utf8.decode(kept.subarray(0, n));
}

function textEncodingOf(bytes: Uint8Array): { encoding: TextEncoding; body: Uint8Array } | undefined {
  const bom = bomOf(bytes);
  if (bom) return { encoding: bom.encoding, body: bom.encoding === 'utf-8' ? bytes : bytes.subarray(bom.length) };
  if (!bytes.subarray(0, SNIFF_BYTES).includes(0)) return { encoding: 'utf-8', body: bytes };
  const wide = wideEncodingByLayout(bytes);
  return wide && { encoding: wide, body: bytes };
}

/**
 * Text for the rules, or undefined for binary content. Offsets in the text are the rules' offsets, whatever the
 * encoding. Invalid UTF-8 is decoded with replacement characters rather than skipped: secrets are ASCII, so a
 * Latin-1 config file still gets its tokens checked.
 */
export function decodeText(bytes: Uint8Array): DecodedText | undefined {
  const found = textEncodingOf(bytes);
  if (!found) return undefined;
  // The UTF-8 decoder drops a UTF-8 BOM itself.
  const text = found.encoding === 'utf-8' ? utf8.decode(found.body) : decodeAs(found.encoding, found.body);
  if (!bytes.includes(0)) return { text, encoding: found.encoding };
  const withoutNuls = withoutNulBytes(found.body);
  return withoutNuls === text ? { text, encoding: found.encoding } : { text, encoding: found.encoding, withoutNuls };
}
