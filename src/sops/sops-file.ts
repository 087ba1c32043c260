/**
 * The one test of "this is a sops file", used by every rule that treats sops files differently and by the ciphertext
 * filter: the file parses in its own store (src/sops/stores), carries a metadata block there, and the block validates
 * (src/sops/metadata-schema.ts: only fields sops writes, each value of its form, at least one master key). A file that
 * merely mentions sops (a JSON value, a comment, a Makefile target, a Helm setting) is not one. Files without the
 * substring `sops` never reach a parser.
 */
import type { SopsFileModel, SopsMetadata, SopsParseFailure } from './model.js';
import { reviewMetadata, type MetadataReview } from './metadata-schema.js';
import { isParseFailure, parseSopsFile } from './stores/index.js';

export type EncryptedFileModel = SopsFileModel & { readonly metadata: SopsMetadata };

export type SopsVerdict =
  /** No metadata block in the file's store. */
  | { readonly kind: 'plain' }
  /** The file does not parse in its store, so it holds no metadata sops could read. */
  | { readonly kind: 'unparsable'; readonly failure: SopsParseFailure }
  /** A metadata block that does not validate (`review.problems`, or no master key): not a sops file. */
  | { readonly kind: 'invalid'; readonly model: EncryptedFileModel; readonly review: MetadataReview; readonly hasMasterKey: boolean }
  | { readonly kind: 'sops'; readonly model: EncryptedFileModel; readonly review: MetadataReview };

const PLAIN: SopsVerdict = { kind: 'plain' };

/** sops' "No keys found in file": a master key needs its identifier and its wrapped data key. */
function hasMasterKey(metadata: SopsMetadata): boolean {
  return metadata.keys.some((k) => k.id.trim() !== '' && k.enc.trim() !== '');
}

/** The verdict on a parse (SourceFile.sopsVerdict() keeps it per file). */
export function verdictOf(parsed: SopsFileModel | SopsParseFailure): SopsVerdict {
  if (isParseFailure(parsed)) return { kind: 'unparsable', failure: parsed };
  if (!parsed.metadata) return PLAIN;
  const model = parsed as EncryptedFileModel;
  const review = reviewMetadata(model.metadata.leaves);
  const keyed = hasMasterKey(model.metadata);
  return keyed && review.problems.length === 0 ? { kind: 'sops', model, review } : { kind: 'invalid', model, review, hasMasterKey: keyed };
}

/** The verdict on a text with no SourceFile at hand (a sibling's text, tests): parses it each time it is asked. */
export function sopsVerdict(path: string, content: string): SopsVerdict {
  return content.includes('sops') ? verdictOf(parseSopsFile(path, content)) : PLAIN;
}
