/**
 * What a decrypted value feeds the MAC: sops parses the plaintext by its ENC type and hashes `ToBytes` of the result
 * (docs/sops-format.md §3, §5 step 3). For anything sops wrote this is the plaintext itself; re-rendering makes a value
 * encrypted by another tool (`007` as an int) hash the way sops would hash it.
 */
import { formatFloatF, formatTimeRfc3339Nano, parseRfc3339 } from '../go-format.js';

// Go strconv.ParseBool.
const TRUE_WORDS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE_WORDS = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** The MAC bytes of a decrypted value, or undefined when sops could not parse it as its type. */
export function macBytesOfDecrypted(type: string, plaintext: Buffer): Uint8Array | undefined {
  const text = plaintext.toString('utf8');
  switch (type) {
    case 'int':
      return /^[+-]?\d+$/.test(text) ? Buffer.from(BigInt(text).toString()) : undefined;
    case 'float': {
      const value = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
      return Number.isNaN(value) ? undefined : Buffer.from(formatFloatF(value));
    }
    case 'bool':
      return TRUE_WORDS.has(text) ? Buffer.from('True') : FALSE_WORDS.has(text) ? Buffer.from('False') : undefined;
    case 'time': {
      const parsed = parseRfc3339(text);
      return parsed ? Buffer.from(formatTimeRfc3339Nano(parsed)) : undefined;
    }
    case 'str':
    case 'bytes':
    case 'comment':
      return plaintext;
    default:
      return undefined;
  }
}
