/**
 * What the sops file rules share: the parsed model of a sops file, and how a leaf's key path is shown in a message
 * (`a.b.c`; comments at the top level have no key).
 */
import type { SopsLeaf } from './model.js';
import type { EncryptedFileModel, SopsVerdict } from './sops-file.js';

export type { EncryptedFileModel } from './sops-file.js';

/** The model of a sops file (valid metadata, src/sops/sops-file.ts); undefined for every other file. */
export function encryptedModelOf(verdict: SopsVerdict): EncryptedFileModel | undefined {
  return verdict.kind === 'sops' ? verdict.model : undefined;
}

export { keyPathOf } from './key-path.js';

/** A value sops would hash and could encrypt: not null, not the empty string (sops never encrypts ""). */
export function hasContent(leaf: SopsLeaf): boolean {
  return !leaf.isComment && leaf.type !== 'null' && !(leaf.type === 'str' && leaf.text === '');
}
