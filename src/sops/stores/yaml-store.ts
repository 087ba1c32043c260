/**
 * YAML store (sops stores/yaml/store.go, docs/sops-format.md §2.3): a stream of documents whose top levels are mappings;
 * the metadata is the first document's `sops` mapping, and `sops` is removed from every document. Leaves come
 * document by document in file order, comments included (§4), for the MAC verifier and the rules.
 */
import { parseAllDocuments, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { MetadataLeaf, SopsFileModel, SopsParseFailure } from '../model.js';
import { fileModel, lineAt, parseFailure, type RawMetadata } from './build.js';
import { metadataLeaves, toPlain, type TreeMap } from './tree.js';
import { collectComments, placeComments } from './yaml-comments.js';
import { typePlainScalar } from './yaml-scalar.js';
import { YamlShapeError, YamlTreeBuilder } from './yaml-tree.js';

const ROOT = { depth: 0, regionStart: 0, metadata: false, aliasDepth: 0 } as const;

/** The first line of a `yaml` error message: the rest quotes the source, which may hold a secret. */
function safeMessage(message: string): string {
  return message.split(/ at line \d+/)[0]!.split('\n')[0]!;
}

function rootPairs(doc: Document.Parsed): readonly Pair[] | YamlShapeError {
  const contents = doc.contents as Node | null;
  if (contents === null) return [];
  if (isMap(contents)) return contents.items as Pair[];
  const at = contents.range?.[0] ?? 0;
  if (isSeq(contents)) return new YamlShapeError('YAML documents that are sequences are not supported', at);
  if (isScalar(contents) && contents.type === 'PLAIN' && !contents.tag && typePlainScalar(String(contents.value ?? '')).type === 'null') return [];
  return new YamlShapeError('YAML documents that are values are not supported', at);
}

export function parseYamlStore(content: string): SopsFileModel | SopsParseFailure {
  const docs = parseAllDocuments(content, { schema: 'failsafe', keepSourceTokens: true, uniqueKeys: true });
  const documents = Array.isArray(docs) ? (docs as Document.Parsed[]) : [];
  for (const doc of documents) {
    const error = doc.errors[0];
    if (error) return parseFailure('yaml', safeMessage(error.message), error.linePos?.[0]?.line);
  }
  const comments = collectComments(content);
  const roots: TreeMap[] = [];
  let metadata: RawMetadata | undefined;
  const metadataValues: MetadataLeaf[] = [];
  try {
    for (const [index, doc] of documents.entries()) {
      const pairs = rootPairs(doc);
      if (pairs instanceof YamlShapeError) throw pairs;
      const builder = new YamlTreeBuilder(content, doc);
      const root = builder.mapping(pairs, (doc.contents as Node | null) ?? undefined, ROOT);
      const next = documents[index + 1]?.range[0] ?? Infinity;
      const start = index === 0 ? 0 : doc.range[0];
      placeComments(
        comments.filter((c) => c.start >= start && c.start < next),
        builder.containers,
      );
      builder.finish();
      const sopsEntries = root.items.filter((i) => i.kind === 'entry' && i.key === 'sops');
      for (const entry of sopsEntries) if (entry.kind === 'entry') metadataValues.push(...metadataLeaves(entry.value));
      const first = sopsEntries[0];
      if (index === 0 && first?.kind === 'entry') {
        if (first.value.kind !== 'map') throw new YamlShapeError('Found sops entry that is not a mapping', first.start);
        metadata = { raw: toPlain(first.value) as Record<string, unknown>, leaves: metadataValues, line: lineAt(content, first.start) };
      }
      roots.push({ kind: 'map', items: root.items.filter((i) => !sopsEntries.includes(i)) });
    }
  } catch (e) {
    if (e instanceof YamlShapeError) return parseFailure('yaml', e.message, lineAt(content, e.offset));
    throw e;
  }
  return fileModel('yaml', roots, metadata);
}
