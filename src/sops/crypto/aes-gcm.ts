/**
 * sops' value cipher (docs/sops-format.md §3): AES-256-GCM with the 32-byte data key, a 32-byte IV (not
 * GCM's usual 12) and a 16-byte tag; the AAD binds each value to its key path (§5). Node's `aes-256-gcm` accepts
 * the long IV, so no custom GCM is needed.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { parseEnc } from '../enc.js';

const IV_BYTES = 32;
const TAG_BYTES = 16;
const DATA_KEY_BYTES = 32;

/** The base64-decoded fields of an `ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]` string. */
export interface EncParts {
  readonly data: Uint8Array;
  readonly iv: Uint8Array;
  readonly tag: Uint8Array;
  readonly type: string;
}

/**
 * GCM refused the value: wrong key, wrong AAD (the value was moved or copied from another key or file) or altered
 * ciphertext. The message never carries the value or the key.
 */
export class ValueAuthenticationError extends Error {
  override readonly name = 'ValueAuthenticationError';
}

/** `join(path, ":") + ":"`, so a top-level comment has AAD `:` (§5). */
export function valueAad(path: readonly string[]): string {
  return path.join(':') + ':';
}

function checkKey(dataKey: Uint8Array): void {
  if (dataKey.length !== DATA_KEY_BYTES) throw new RangeError(`sops data keys are ${DATA_KEY_BYTES} bytes, got ${dataKey.length}`);
}

export function openParts(dataKey: Uint8Array, parts: EncParts, aad: string): Buffer {
  checkKey(dataKey);
  if (parts.iv.length !== IV_BYTES || parts.tag.length !== TAG_BYTES) {
    throw new ValueAuthenticationError(`IV must be ${IV_BYTES} bytes and tag ${TAG_BYTES} bytes`);
  }
  const decipher = createDecipheriv('aes-256-gcm', dataKey, parts.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(parts.tag);
  try {
    return Buffer.concat([decipher.update(parts.data), decipher.final()]);
  } catch {
    throw new ValueAuthenticationError('GCM authentication failed');
  }
}

/** Seals `plaintext` as sops does; `iv` is for reproducible tests only (sops always draws a fresh one). */
export function sealParts(dataKey: Uint8Array, plaintext: Uint8Array | string, aad: string, type: string, iv?: Uint8Array): EncParts {
  checkKey(dataKey);
  const nonce = iv ?? randomBytes(IV_BYTES);
  if (nonce.length !== IV_BYTES) throw new RangeError(`sops IVs are ${IV_BYTES} bytes`);
  const cipher = createCipheriv('aes-256-gcm', dataKey, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext), cipher.final()]);
  return { data, iv: nonce, tag: cipher.getAuthTag(), type };
}

/** The ENC string sops writes: standard base64 with padding (§3). */
export function formatEnc(parts: EncParts): string {
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  return `ENC[AES256_GCM,data:${b64(parts.data)},iv:${b64(parts.iv)},tag:${b64(parts.tag)},type:${parts.type}]`;
}

/** The decoded fields of an ENC string, or undefined when it does not have the ENC shape (src/sops/enc.ts). */
export function encPartsOf(text: string): EncParts | undefined {
  const parsed = parseEnc(text);
  if (!parsed) return undefined;
  const b64 = (field: string) => Buffer.from(field, 'base64');
  return { data: b64(parsed.data), iv: b64(parsed.iv), tag: b64(parsed.tag), type: parsed.type };
}

/**
 * Decrypts one ENC string under `aad`. Throws ValueAuthenticationError when GCM refuses it (or the text is not an
 * ENC value); the error never carries the value.
 */
export function decryptValue(dataKey: Uint8Array, encString: string, aad: string): { type: string; plaintext: Buffer } {
  const parts = encPartsOf(encString);
  if (!parts) throw new ValueAuthenticationError('not an ENC[AES256_GCM,…] value');
  return { type: parts.type, plaintext: openParts(dataKey, parts, aad) };
}

/** Encrypts as sops does; the empty string is never encrypted (docs/sops-format.md §4), so it comes back as "". */
export function encryptValue(dataKey: Uint8Array, plaintext: Uint8Array | string, aad: string, type: string, iv?: Uint8Array): string {
  if (plaintext.length === 0) return '';
  return formatEnc(sealParts(dataKey, plaintext, aad, type, iv));
}
