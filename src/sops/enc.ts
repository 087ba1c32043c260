/**
 * The strict grammar of a sops encrypted value (aes/cipher.go, docs/sops-format.md §3):
 * `ENC[AES256_GCM,data:<b64>,iv:<b64 of 32 bytes>,tag:<b64 of 16 bytes>,type:<str|int|float|bool|time|bytes|comment>]`
 * with standard padded base64. sops' own decoder is looser (anchored at the start only, greedy); a guard checks
 * what sops writes. Reasons never quote the data.
 */

export const ENC_TYPES = ['str', 'int', 'float', 'bool', 'time', 'bytes', 'comment'] as const;

export interface EncParts {
  readonly data: string;
  readonly iv: string;
  readonly tag: string;
  readonly type: string;
}

// A trailing CR is tolerated: dotenv values of a CRLF file keep it, and sops' decoder (not end-anchored) ignores it.
const SHAPE = /^ENC\[AES256_GCM,data:([^,\]]*),iv:([^,\]]*),tag:([^,\]]*),type:([^,\]]*)\]\r?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const IV_BYTES = 32;
const TAG_BYTES = 16;

/** True for anything that claims to be sops ciphertext; whether it is well formed is `encProblem`'s question. */
export function looksLikeEnc(text: string): boolean {
  return text.startsWith('ENC[');
}

/** The four fields of an ENC value, or undefined when the text does not have that shape. */
export function parseEnc(text: string): EncParts | undefined {
  const m = SHAPE.exec(text);
  return m ? { data: m[1]!, iv: m[2]!, tag: m[3]!, type: m[4]! } : undefined;
}

/** Standard padded base64, as Go's `base64.StdEncoding` writes it. */
export function isStandardBase64(text: string): boolean {
  return BASE64.test(text);
}

function decodedLength(b64: string): number {
  return (b64.length / 4) * 3 - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
}

/** Why `text` is not a well-formed ENC value, or undefined when it is. */
export function encProblem(text: string): string | undefined {
  const parts = parseEnc(text);
  if (!parts) return 'not of the form ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]';
  if (!BASE64.test(parts.data)) return 'data is not standard padded base64';
  if (!BASE64.test(parts.iv)) return 'iv is not standard padded base64';
  if (decodedLength(parts.iv) !== IV_BYTES) return `iv is ${decodedLength(parts.iv)} bytes, sops writes ${IV_BYTES}`;
  if (!BASE64.test(parts.tag)) return 'tag is not standard padded base64';
  if (decodedLength(parts.tag) !== TAG_BYTES) return `tag is ${decodedLength(parts.tag)} bytes, AES-GCM needs ${TAG_BYTES}`;
  if (!(ENC_TYPES as readonly string[]).includes(parts.type)) {
    // The type is ours to show only when it is a short word; anything else might be pasted data.
    return /^[a-z]{1,10}$/.test(parts.type) ? `unknown type "${parts.type}"` : 'unknown type';
  }
  return undefined;
}

export function isWellFormedEnc(text: string): boolean {
  return encProblem(text) === undefined;
}

/**
 * Why `text` is not sops ciphertext at its position, or undefined when it is: well formed, and `type:comment` exactly
 * where sops writes it, on comments (a value claiming to be a comment, or the reverse, was not written by sops).
 */
export function encProblemAt(text: string, isComment: boolean): string | undefined {
  const problem = encProblem(text);
  if (problem) return problem;
  const type = parseEnc(text)!.type;
  if (isComment && type !== 'comment') return `a comment holds type:${type}; sops encrypts comments as type:comment`;
  if (!isComment && type === 'comment') return 'a value holds type:comment, which sops writes for comments only';
  return undefined;
}
