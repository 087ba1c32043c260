/**
 * Verifies a sops file with its data key the way `sops decrypt` does (docs/sops-format.md §4-§5): every value in an
 * encrypted position must authenticate under its own path, and the MAC recomputed from the plaintexts must equal the
 * stored one. Results name paths and positions only; no plaintext, MAC digest or key ever goes into them.
 */
import type { SopsFileModel, SopsLeaf, SopsMetadata } from '../model.js';
import { ENC_TYPES } from '../enc.js';
import { keyPathOf } from '../key-path.js';
import { shouldBeEncrypted } from '../selection.js';
import { encPartsOf, openParts, valueAad, ValueAuthenticationError } from './aes-gcm.js';
import { MacAccumulator, macAad } from './mac.js';
import { macBytesOfDecrypted } from './render-decrypted.js';

export type MacProblemReason = 'mismatch' | 'no-mac' | 'undecryptable-mac';

type VerificationProblem =
  | { readonly kind: 'mac-mismatch'; readonly reason: MacProblemReason; readonly message: string }
  | {
      readonly kind: 'undecryptable-value';
      readonly path: readonly string[];
      readonly document: number;
      readonly start: number;
      readonly end: number;
      readonly message: string;
    };

export type VerificationResult = { readonly ok: true } | { readonly ok: false; readonly problems: readonly VerificationProblem[] };

/** sops' own wording (cmd/sops/common/common.go), without the digests it prints. */
const MAC_MESSAGES: Record<MacProblemReason, string> = {
  mismatch: 'MAC mismatch',
  'no-mac': 'MAC mismatch. File has no MAC',
  'undecryptable-mac': 'Cannot decrypt MAC',
};

/** A leaf's contribution to the MAC, or a problem when its ciphertext does not authenticate. */
function macBytesOf(leaf: SopsLeaf, dataKey: Uint8Array): Uint8Array | VerificationProblem {
  const parts = encPartsOf(leaf.text);
  // A plaintext string in an encrypted position is another rule's finding; sops would refuse it, and the MAC
  // check here hashes it as written.
  if (!parts) return Buffer.from(leaf.macText ?? '');
  const undecryptable = (why: string): VerificationProblem => ({
    kind: 'undecryptable-value',
    path: leaf.path,
    document: leaf.document,
    start: leaf.start,
    end: leaf.end,
    message: `the value at ${keyPathOf(leaf)} ${why}`,
  });
  try {
    const plaintext = openParts(dataKey, parts, valueAad(leaf.path));
    // The type is shown only when it is one sops knows: anything else in that field might be pasted data.
    const typeName = (ENC_TYPES as readonly string[]).includes(parts.type) ? parts.type : 'value of a known sops type';
    return macBytesOfDecrypted(parts.type, plaintext) ?? undecryptable(`does not decrypt to a valid ${typeName}`);
  } catch (error) {
    if (!(error instanceof ValueAuthenticationError)) throw error;
    return undecryptable('fails authentication under its path (moved or copied from another key or file, or altered)');
  }
}

function checkMac(metadata: SopsMetadata, computedHex: string, dataKey: Uint8Array): VerificationProblem | undefined {
  const problem = (reason: MacProblemReason): VerificationProblem => ({ kind: 'mac-mismatch', reason, message: MAC_MESSAGES[reason] });
  if (!metadata.mac) return problem('no-mac');
  const parts = encPartsOf(metadata.mac);
  if (!parts) return problem('undecryptable-mac');
  let stored: string;
  try {
    stored = openParts(dataKey, parts, macAad(metadata.lastmodified)).toString('utf8');
  } catch (error) {
    if (!(error instanceof ValueAuthenticationError)) throw error;
    return problem('undecryptable-mac');
  }
  return stored === computedHex ? undefined : problem('mismatch');
}

export function verifySopsFile(model: SopsFileModel, dataKey: Uint8Array): VerificationResult {
  const metadata = model.metadata;
  if (!metadata) throw new Error('verifySopsFile needs a file with sops metadata');
  const mac = new MacAccumulator(metadata.macOnlyEncrypted);
  const problems: VerificationProblem[] = [];
  for (const leaf of model.leaves) {
    // Comments are never hashed, and sops only warns about one that does not decrypt (§4); nulls are skipped.
    if (leaf.isComment || leaf.type === 'null') continue;
    const encrypted = shouldBeEncrypted(leaf, metadata.selection);
    if (!encrypted) {
      if (!metadata.macOnlyEncrypted) mac.add(leaf.macText ?? '');
      continue;
    }
    if (leaf.text === '') continue; // "" is never encrypted and adds nothing (§4)
    const bytes = macBytesOf(leaf, dataKey);
    if (bytes instanceof Uint8Array) mac.add(bytes);
    else problems.push(bytes);
  }
  // As in sops, a value that does not decrypt stops the run before the MAC is compared.
  if (problems.length === 0) {
    const macProblem = checkMac(metadata, mac.hex(), dataKey);
    if (macProblem) problems.push(macProblem);
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
