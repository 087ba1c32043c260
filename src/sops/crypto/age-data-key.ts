/**
 * Recovers a sops file's data key from its age master keys (docs/sops-format.md §6): each `enc` is an armored age file
 * whose plaintext is the 32-byte data key, or with several key groups a Shamir share of it (§1.3). Only the entries
 * whose recipient belongs to one of the given identities are tried, so a file for other people costs nothing.
 */
import type { MasterKeyEntry, SopsMetadata } from '../model.js';
import { combineShares } from './shamir.js';

/** The age identities paired with their public recipients, computed once per run. */
export type IdentityIndex = ReadonlyMap<string, string>;

/**
 * age-encryption (with its elliptic-curve and post-quantum code) takes longer to load than a whole staged check of
 * ordinary files, so it is loaded on the first sops file that has a key to try, not at start-up.
 */
const age = (): Promise<typeof import('age-encryption')> => import('age-encryption');

export async function indexIdentities(identities: readonly string[]): Promise<IdentityIndex> {
  const index = new Map<string, string>();
  if (identities.length === 0) return index;
  const { identityToRecipient } = await age();
  for (const identity of identities) {
    // An identity age-encryption cannot read (a plugin identity) simply matches nothing.
    const recipient = await identityToRecipient(identity).catch(() => undefined);
    if (recipient) index.set(recipient, identity);
  }
  return index;
}

/** dotenv and INI keep the armor's newlines as the two characters `\n` (§2.6, §2.7). */
function unescapeArmor(enc: string): string {
  return enc.replace(/\\n/g, '\n');
}

async function openEntry(entry: MasterKeyEntry, identity: string): Promise<Uint8Array | undefined> {
  try {
    const { Decrypter, armor } = await age();
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    return await decrypter.decrypt(armor.decode(unescapeArmor(entry.enc).trim() + '\n'));
  } catch {
    return undefined;
  }
}

/** The first entry of `group` that one of our identities opens, as sops tries a group's keys in turn. */
async function openGroup(entries: readonly MasterKeyEntry[], index: IdentityIndex): Promise<Uint8Array | undefined> {
  for (const entry of entries) {
    const identity = entry.type === 'age' ? index.get(entry.id.trim()) : undefined;
    const opened = identity ? await openEntry(entry, identity) : undefined;
    if (opened) return opened;
  }
  return undefined;
}

/** The age recipients a file is encrypted to (public values, safe to show). */
export function ageRecipients(metadata: SopsMetadata): string[] {
  return metadata.keys.filter((k) => k.type === 'age').map((k) => k.id);
}

/**
 * The data key, or undefined when no identity opens enough of the file: one group must open for a single-group
 * file; with several groups, `shamir_threshold` shares (all groups when it is 0 or absent, as sops does).
 */
export async function unwrapDataKey(metadata: SopsMetadata, identities: readonly string[] | IdentityIndex): Promise<Uint8Array | undefined> {
  const index = isIndex(identities) ? identities : await indexIdentities(identities);
  if (index.size === 0) return undefined;
  const groupCount = Math.max(1, metadata.keyGroupCount);
  const shares: Uint8Array[] = [];
  for (let group = 0; group < groupCount; group++) {
    const opened = await openGroup(
      metadata.keys.filter((k) => k.group === group),
      index,
    );
    if (opened) shares.push(opened);
  }
  if (groupCount === 1) return shares[0]?.length === 32 ? shares[0] : undefined;
  const threshold = metadata.shamirThreshold && metadata.shamirThreshold > 0 ? metadata.shamirThreshold : groupCount;
  if (shares.length < threshold) return undefined;
  try {
    const key = combineShares(shares);
    return key.length === 32 ? key : undefined;
  } catch {
    return undefined;
  }
}

function isIndex(value: readonly string[] | IdentityIndex): value is IdentityIndex {
  return value instanceof Map;
}
