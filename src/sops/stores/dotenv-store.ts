/**
 * dotenv store (sops stores/dotenv/store.go, docs/sops-format.md §2.6): split on `\n` only, skip empty lines, `#` starts a
 * comment line, key = everything before the first `=` (no trimming, no quotes, no `export`), value = the rest with
 * the two characters `\n` turned into a newline. Keys starting with `sops_` are the flattened metadata.
 */
import type { MetadataLeaf, SopsFileModel, SopsParseFailure } from '../model.js';
import { fileModel, parseFailure } from './build.js';
import { stringScalar, type TreeComment, type TreeEntry, type TreeMap } from './tree.js';
import { flatKeyPath, unflatten } from './unflatten.js';

const SOPS_PREFIX = 'sops_';

export function parseDotenvStore(content: string): SopsFileModel | SopsParseFailure {
  const items: Array<TreeEntry | TreeComment> = [];
  const metadataEntries: Array<[string, string]> = [];
  const leaves: MetadataLeaf[] = [];
  let metadataLine = 0;
  let lineStart = 0;
  let lineNumber = 0;
  for (const line of content.split('\n')) {
    const start = lineStart;
    lineStart += line.length + 1;
    lineNumber++;
    if (line.length === 0) continue;
    const end = start + line.length;
    if (line[0] === '#') {
      items.push({ kind: 'comment', text: line.slice(1), start, end });
      continue;
    }
    const eq = line.indexOf('=');
    // sops' own message echoes the line, which may hold a secret: ours names the line number only.
    if (eq === -1) return parseFailure('dotenv', 'invalid dotenv input line (no "=")', lineNumber);
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1).replaceAll('\\n', '\n');
    if (key.startsWith(SOPS_PREFIX)) {
      metadataEntries.push([key.slice(SOPS_PREFIX.length), value]);
      leaves.push({ path: flatKeyPath(key.slice(SOPS_PREFIX.length)), text: value, type: 'str', start: start + eq + 1, end });
      metadataLine ||= lineNumber;
      continue;
    }
    items.push({ kind: 'entry', key, value: stringScalar(value, start + eq + 1, end), start, end });
  }
  if (metadataEntries.length === 0) return fileModel('dotenv', [{ kind: 'map', items }]);
  let raw: Record<string, unknown>;
  try {
    raw = unflatten(metadataEntries);
  } catch (e) {
    return parseFailure('dotenv', `sops metadata: ${(e as Error).message}`, metadataLine);
  }
  const root: TreeMap = { kind: 'map', items };
  return fileModel('dotenv', [root], { raw, leaves, line: metadataLine });
}
