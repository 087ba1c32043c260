/**
 * JSON and binary stores (sops stores/json/store.go, docs/sops-format.md §2.4-2.5). A binary-store file is sops' JSON
 * `{"data": "ENC[...]", "sops": {...}}` once encrypted; before that, any bytes at all, held as the single leaf `data`.
 */
import type { SopsFileModel, SopsParseFailure } from '../model.js';
import { fileModel, lineAt, parseFailure, type RawMetadata } from './build.js';
import { JsonSyntaxError, parseJsonObject } from './json-parser.js';
import { metadataLeaves, stringScalar, toPlain, type TreeMap } from './tree.js';

type Extracted = { readonly root: TreeMap; readonly metadata?: RawMetadata } | { readonly error: string; readonly offset: number };

/** sops `ExtractMetadata` for an unflattened store: one top-level `sops` mapping, removed from the tree. */
function extractTopLevelSops(root: TreeMap, content: string): Extracted {
  const sopsEntries = root.items.filter((i) => i.kind === 'entry' && i.key === 'sops');
  const first = sopsEntries[0];
  if (!first || first.kind !== 'entry') return { root };
  if (sopsEntries.length > 1) return { error: 'Found duplicate sops entry', offset: (sopsEntries[1] as { start: number }).start };
  if (first.value.kind !== 'map') return { error: 'Found sops entry that is not a mapping', offset: first.start };
  return {
    root: { kind: 'map', items: root.items.filter((i) => i !== first) },
    metadata: { raw: toPlain(first.value) as Record<string, unknown>, leaves: metadataLeaves(first.value), line: lineAt(content, first.start) },
  };
}

export function parseJsonStore(content: string, store: 'json' | 'binary' = 'json'): SopsFileModel | SopsParseFailure {
  let root: TreeMap;
  try {
    root = parseJsonObject(content);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return parseFailure(store, e.message, lineAt(content, e.offset));
    throw e;
  }
  const extracted = extractTopLevelSops(root, content);
  if ('error' in extracted) return parseFailure(store, extracted.error, lineAt(content, extracted.offset));
  return fileModel(store, [extracted.root], extracted.metadata);
}

/** Encrypted binary-store output parses as JSON with `sops`; anything else is plaintext held whole under `data`. */
export function parseBinaryStore(content: string): SopsFileModel | SopsParseFailure {
  if (content.trimStart().startsWith('{') && content.includes('"sops"')) {
    const asJson = parseJsonStore(content, 'binary');
    if (!('error' in asJson) && asJson.metadata) return asJson;
    if ('error' in asJson && asJson.error.startsWith('Found')) return asJson;
  }
  const plain: TreeMap = {
    kind: 'map',
    items: [{ kind: 'entry', key: 'data', value: stringScalar(content, 0, content.length), start: 0, end: content.length }],
  };
  return fileModel('binary', [plain]);
}
