/**
 * The verification of a sops file, shared by the sops-mac-mismatch and sops-undecryptable-value rules: recover the
 * data key with the run's age identities (asked for only when the file has an age recipient), verify. The engine
 * keeps one per file (SourceFile.verification(), src/engine/source-file.ts), so the two rules do the age and AES work
 * once; the result holds findings' data only, never plaintext or keys.
 */
import type { SopsFileModel, SopsMetadata } from '../model.js';
import type { EncryptedFileModel } from '../sops-file.js';
import { parseSopsFile } from '../stores/index.js';
import { ageRecipients, indexIdentities, unwrapDataKey, type IdentityIndex } from './age-data-key.js';
import { verifySopsFile, type VerificationResult } from './verify.js';

export type SourceVerification =
  | { readonly kind: 'not-sops' }
  /** No data key: `reason` explains why, naming public recipients only. */
  | { readonly kind: 'unverifiable'; readonly model: SopsFileModel; readonly reason: string }
  | { readonly kind: 'checked'; readonly model: SopsFileModel; readonly result: VerificationResult };

/** Where the run's age identities come from: asked only for a sops file with an age recipient. */
export interface AgeIdentitySource {
  ageIdentities(): Promise<readonly string[]>;
}

// Keyed by the run's identity list (one per run), not by file: the identities are indexed once per run.
const indexes = new WeakMap<readonly string[], Promise<IdentityIndex>>();

function indexFor(identities: readonly string[]): Promise<IdentityIndex> {
  let index = indexes.get(identities);
  if (!index) indexes.set(identities, (index = indexIdentities(identities)));
  return index;
}

function whyUnverifiable(metadata: SopsMetadata, index: IdentityIndex): string {
  const { keys, keyGroupCount } = metadata;
  const age = keys.filter((k) => k.type === 'age').map((k) => k.id);
  if (age.length === 0) {
    const others = [...new Set(keys.map((k) => `${k.type} ${k.id}`))].join(', ');
    return `cannot verify: the file has no age recipient (master keys: ${others || 'none'})`;
  }
  const matching = age.filter((r) => index.has(r.trim()));
  if (matching.length === 0) return `cannot verify: no age identity for recipients ${age.join(', ')}`;
  if (keyGroupCount > 1) {
    return `cannot verify: the age identities at hand (${matching.join(', ')}) open too few of the file's ${keyGroupCount} key groups`;
  }
  return `cannot verify: the age key for ${matching.join(', ')} does not open the data key (corrupted enc?)`;
}

type KeySource = (metadata: SopsMetadata) => Promise<{ dataKey?: Uint8Array; unverifiable?: () => string }>;

/** Obtain the data key, verify: the one path both the rules and the data-key test entry take. */
async function verifyWith(model: EncryptedFileModel, keySource: KeySource): Promise<SourceVerification> {
  const { dataKey, unverifiable } = await keySource(model.metadata);
  if (!dataKey) return { kind: 'unverifiable', model, reason: unverifiable?.() ?? 'cannot verify: no data key' };
  try {
    return { kind: 'checked', model, result: verifySopsFile(model, dataKey) };
  } finally {
    dataKey.fill(0);
  }
}

/** Verifies a parsed sops file (SourceFile.verification() calls it once per file). */
export function verifyModel(model: EncryptedFileModel, keys: AgeIdentitySource): Promise<SourceVerification> {
  return verifyWith(model, async (metadata) => {
    // A file for PGP or KMS keys only needs no identity: the key command is not run for it.
    if (ageRecipients(metadata).length === 0) return { unverifiable: () => whyUnverifiable(metadata, new Map()) };
    const index = await indexFor(await keys.ageIdentities());
    const dataKey = await unwrapDataKey(metadata, index);
    return dataKey ? { dataKey } : { unverifiable: () => whyUnverifiable(metadata, index) };
  });
}

/**
 * Test-only entry: the same parse-and-verify path with a data key obtained elsewhere (the PGP corpus files, whose
 * data keys come from derived-data-keys.tsv, since the guard does not implement OpenPGP).
 */
export async function verifySourceWithDataKey(path: string, content: string, dataKey: Uint8Array): Promise<SourceVerification> {
  const model = parseSopsFile(path, content);
  if (!('leaves' in model) || !model.metadata) return { kind: 'not-sops' };
  return verifyWith(model as EncryptedFileModel, async () => ({ dataKey: Uint8Array.from(dataKey) }));
}
