/** Assembles a SopsFileModel from the trees a store parser built, and the failure shape all stores share. */
import type { SopsFileModel, SopsParseFailure, SopsStore } from '../model.js';
import { quote } from '../../util/quote.js';
import { normaliseMetadata, type MetadataPosition } from './metadata.js';
import { emptyContainerPaths, walkDocument, type TreeMap } from './tree.js';

export interface RawMetadata extends MetadataPosition {
  readonly raw: Record<string, unknown>;
}

export function fileModel(store: SopsStore, documents: readonly TreeMap[], metadata?: RawMetadata): SopsFileModel {
  return {
    store,
    leaves: documents.flatMap((doc, i) => walkDocument(doc, i)),
    emptyContainers: documents.flatMap(emptyContainerPaths),
    ...(metadata ? { metadata: normaliseMetadata(metadata.raw, metadata) } : {}),
  };
}

/** `error` may quote the file (a YAML error names an alias, metadata errors name fields): it is quoted as text. */
export function parseFailure(store: SopsStore, error: string, line?: number): SopsParseFailure {
  return { store, error: quote(error), ...(line !== undefined ? { line } : {}) };
}

/** 1-based line of an offset. */
export function lineAt(content: string, offset: number): number {
  let line = 1;
  for (let i = content.indexOf('\n'); i !== -1 && i < offset; i = content.indexOf('\n', i + 1)) line++;
  return line;
}
