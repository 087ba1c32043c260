import { isUtf8 } from 'node:buffer';

/** What kind of bytes a file holds, decided the way git does: a NUL byte in the first 8000 bytes means binary. */

const SNIFF_BYTES = 8000;

export function isBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, SNIFF_BYTES).includes(0);
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Text for the rules. Invalid UTF-8 is decoded with replacement characters rather than skipped: secrets are ASCII,
 * so a Latin-1 config file still gets its tokens checked.
 */
export function decodeText(bytes: Buffer): { text: string; validUtf8: boolean } {
  return { text: decoder.decode(bytes), validUtf8: isUtf8(bytes) };
}
