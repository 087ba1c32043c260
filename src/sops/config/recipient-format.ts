/**
 * Whether a recipient written in `.sops.yaml` is one sops can use.
 * age: age/keysource.go `parseRecipient` (docs/sops-format.md §1.3) tries, in order: `age1pq1…` hybrid post-quantum
 * (bech32, HRP `age1pq`, 1216-byte ML-KEM-768 + X25519 key), `age1<plugin>1…` plugin recipients (any payload),
 * `age1…` X25519 (HRP `age`, 32 bytes), `ssh-ed25519`/`ssh-rsa` public keys; anything else is refused.
 * pgp: sops hands the fingerprint to gpg, which wants a full fingerprint (40 hex, 64 for v5/v6 keys) or a 16-hex
 * long key id; anything else is probably a mistake (sops only finds out when gpg fails).
 */
import { base64, bech32 } from '@scure/base';
import { quote } from '../../util/quote.js';
import { pgpId } from './recipient-ids.js';

function bech32Payload(text: string): { prefix: string; bytes: Uint8Array } | string {
  try {
    const { prefix, words } = bech32.decode(text as `${string}1${string}`, false);
    return { prefix: prefix.toLowerCase(), bytes: bech32.fromWords(words) };
  } catch (error) {
    return (error as Error).message.replace(/ in .*$/s, '').toLowerCase();
  }
}

const SSH_TYPES = new Set(['ssh-ed25519', 'ssh-rsa']);

function sshProblem(recipient: string): string | undefined {
  const [type, blob] = recipient.split(/\s+/);
  if (!type || !SSH_TYPES.has(type)) return `unsupported SSH key type \`${quote(type ?? '')}\` (age accepts ssh-ed25519 and ssh-rsa)`;
  let bytes: Uint8Array;
  try {
    bytes = base64.decode(blob ?? '');
  } catch {
    return 'the SSH public key is not valid base64';
  }
  // The wire format starts with the key type as a length-prefixed string.
  const length = bytes.length >= 4 ? new DataView(bytes.buffer, bytes.byteOffset).getUint32(0) : -1;
  const inner = length >= 0 && length <= bytes.length - 4 ? new TextDecoder().decode(bytes.subarray(4, 4 + length)) : '';
  if (inner !== type) return `the SSH public key blob is not a ${type} key`;
  if (type === 'ssh-ed25519' && bytes.length !== 4 + length + 4 + 32) return 'the ssh-ed25519 public key has the wrong length';
  return undefined;
}

/** Why sops would refuse this age recipient, or undefined when it parses. */
export function ageRecipientProblem(recipient: string): string | undefined {
  const r = recipient.trim();
  if (/^AGE-SECRET-KEY-/i.test(r)) return 'this is an age secret key (an identity), not a recipient: remove it, and rotate it (git history keeps it)';
  if (r.startsWith('ssh-')) return sshProblem(r);
  if (!r.startsWith('age1')) return 'not an age recipient (`age1…`) or SSH public key (`ssh-ed25519 …`, `ssh-rsa …`)';
  const decoded = bech32Payload(r);
  if (typeof decoded === 'string') return `not a valid bech32 age recipient (${decoded})`;
  if (r.startsWith('age1pq1')) {
    if (decoded.prefix !== 'age1pq' || decoded.bytes.length !== 1216) return 'not a valid post-quantum (`age1pq1…`) recipient';
    return undefined;
  }
  if (decoded.prefix !== 'age') return decoded.prefix.startsWith('age1') ? undefined : 'not a valid age recipient';
  if (decoded.bytes.length !== 32) return `an X25519 age recipient holds 32 bytes, this one ${decoded.bytes.length}`;
  return undefined;
}

const FINGERPRINT = /^(?:[0-9A-Fa-f]{40}|[0-9A-Fa-f]{64}|[0-9A-Fa-f]{16})$/;

export function pgpFingerprintProblem(fingerprint: string): string | undefined {
  const id = pgpId(fingerprint);
  if (FINGERPRINT.test(id)) return undefined;
  return `\`${quote(id, 'recipient')}\` is not a PGP fingerprint (40 hex digits) or long key id (16 hex digits)`;
}
