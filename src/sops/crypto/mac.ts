/**
 * The sops MAC (docs/sops-format.md §5): SHA-512 over the plaintext bytes of the leaves in walk order, no separators,
 * uppercase hex; with `mac_only_encrypted` the hash is first fed SHA-256("sops") and only encrypted-position leaves
 * count. The hex string is stored encrypted, with `lastmodified` (re-rendered by Go's RFC 3339 layout) as AAD.
 */
import { createHash, type Hash } from 'node:crypto';
import { formatTimeRfc3339Nano, parseRfc3339 } from '../go-format.js';

/** `MACOnlyEncryptedInitialization` in sops.go: the 32 bytes of SHA-256("sops"). */
export const MAC_ONLY_ENCRYPTED_INIT = createHash('sha256').update('sops').digest();

/** Go's zero time, what an absent `lastmodified` formats to. */
const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

export class MacAccumulator {
  private readonly hash: Hash = createHash('sha512');

  constructor(macOnlyEncrypted: boolean) {
    if (macOnlyEncrypted) this.hash.update(MAC_ONLY_ENCRYPTED_INIT);
  }

  add(bytes: Uint8Array | string): void {
    this.hash.update(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
  }

  /** Uppercase hex of the digest, the 128 characters sops encrypts. */
  hex(): string {
    return this.hash.digest('hex').toUpperCase();
  }
}

/**
 * The AAD of the stored MAC: `lastmodified` after Go's parse-and-format round trip (fractions dropped, zero offset as
 * `Z`). A value Go would not parse makes sops refuse the file; it is used as written so the MAC simply fails.
 */
export function macAad(lastmodified: string | undefined): string {
  if (lastmodified === undefined) return GO_ZERO_TIME;
  const parsed = parseRfc3339(lastmodified);
  return parsed ? formatTimeRfc3339Nano({ ...parsed, fraction: '' }) : lastmodified;
}
