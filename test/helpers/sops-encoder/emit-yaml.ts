/** Writes a tree as sops writes YAML (docs/sops-format.md §2.3): 4-space indent, ENC values plain, `#ENC[…]` comments. */
import type { TreeMap, TreeScalar, TreeValue, TreeList } from '../../../src/sops/stores/tree.js';

/** Encrypted forms by node id (a node's `start`); nodes not in it are written as they are. */
export type Rendered = ReadonlyMap<number, string>;

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const PLAIN_ENC = /^ENC\[AES256_GCM,[^\s#]*\]$/;
const STEP = '    ';

function keyText(key: string): string {
  return PLAIN_KEY.test(key) && !['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n'].includes(key.toLowerCase()) ? key : JSON.stringify(key);
}

function scalarText(node: TreeScalar, rendered: Rendered): string {
  const enc = rendered.get(node.start);
  if (enc !== undefined) return enc;
  if (node.type !== 'str') return node.text;
  return PLAIN_ENC.test(node.text) ? node.text : JSON.stringify(node.text);
}

/** A multi-line plaintext string (an armored age key) as a literal block, the way sops writes `enc`. */
function literalBlock(text: string, indent: string): string[] {
  const chomp = text.endsWith('\n') ? (text.endsWith('\n\n') ? '+' : '') : '-';
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  return [`|${chomp}`, ...body.split('\n').map((line) => (line === '' ? '' : indent + line))];
}

function emitValue(indent: string, head: string, value: TreeValue, rendered: Rendered): string[] {
  if (value.kind === 'scalar') {
    if (value.type === 'str' && value.text.includes('\n') && !rendered.has(value.start)) {
      const [first, ...rest] = literalBlock(value.text, indent + STEP);
      return [`${indent}${head} ${first}`, ...rest];
    }
    return [`${indent}${head} ${scalarText(value, rendered)}`];
  }
  if (value.items.length === 0) return [`${indent}${head} ${value.kind === 'map' ? '{}' : '[]'}`];
  return [`${indent}${head}`, ...(value.kind === 'map' ? emitMap(value, indent + STEP, rendered) : emitList(value, indent + STEP, rendered))];
}

function commentLine(indent: string, node: { start: number; text: string }, rendered: Rendered): string {
  return `${indent}#${rendered.get(node.start) ?? node.text}`;
}

function emitMap(map: TreeMap, indent: string, rendered: Rendered): string[] {
  return map.items.flatMap((item) =>
    item.kind === 'comment' ? [commentLine(indent, item, rendered)] : emitValue(indent, `${keyText(item.key)}:`, item.value, rendered),
  );
}

function emitList(list: TreeList, indent: string, rendered: Rendered): string[] {
  return list.items.flatMap((item) => {
    if (item.kind === 'comment') return [commentLine(indent, item, rendered)];
    if (item.kind === 'map' && item.items.length > 0) {
      const [first, ...rest] = emitMap(item, indent + '  ', rendered);
      return [`${indent}- ${first!.slice(indent.length + 2)}`, ...rest];
    }
    if (item.kind === 'list' && item.items.length > 0) return [`${indent}-`, ...emitList(item, indent + '  ', rendered)];
    return emitValue(indent, '-', item, rendered);
  });
}

/** One YAML stream: each document followed by its own copy of the `sops` mapping (§2.3). */
export function emitYaml(documents: readonly TreeMap[], metadata: TreeMap, rendered: Rendered): string {
  return documents.map((doc) => [...emitMap(doc, '', rendered), ...emitValue('', 'sops:', metadata, rendered)].join('\n') + '\n').join('---\n');
}
