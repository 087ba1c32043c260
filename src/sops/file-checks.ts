/**
 * What the sops file rules share: the parsed model of a file that carries sops metadata, and how a leaf's key path
 * is shown in a message (`a.b.c`; comments at the top level have no key).
 */
import type { SopsFileModel, SopsLeaf, SopsMetadata } from './model.js';
import { isParseFailure, parseSopsFile } from './stores/index.js';

export type EncryptedFileModel = SopsFileModel & { readonly metadata: SopsMetadata };

/** The model of a file with sops metadata; undefined for plain files and for files that do not parse. */
export function encryptedModelOf(path: string, content: string): EncryptedFileModel | undefined {
  if (!content.includes('sops')) return undefined;
  const model = parseSopsFile(path, content);
  return !isParseFailure(model) && model.metadata ? (model as EncryptedFileModel) : undefined;
}

export { keyPathOf } from './key-path.js';

/** A value sops would hash and could encrypt: not null, not the empty string (sops never encrypts ""). */
export function hasContent(leaf: SopsLeaf): boolean {
  return !leaf.isComment && leaf.type !== 'null' && !(leaf.type === 'str' && leaf.text === '');
}
