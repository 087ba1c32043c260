/**
 * Rebuilds the nested metadata of dotenv and INI files from their flattened keys (sops stores/flatten.go,
 * docs/sops-format.md §2.8): `age__list_0__map_enc` is `age[0].enc`. Map keys come back sorted, list indices must be
 * 0..n-1 ("Incomplete list"), and a key that is both a value and a container is a "Type mismatch".
 */

const MAP_SEPARATOR = '__map_';
const LIST_SEPARATOR = '__list_';

type Token = { readonly map: string } | { readonly index: number };

function tokenize(path: string): Token[] {
  const tokens: Token[] = [];
  let state: 'normal' | 'map' | 'list' = 'normal';
  let tokenStart = 0;
  let i = 0;
  const finish = (): void => {
    if (state === 'normal') tokens.push({ map: path.slice(tokenStart, i) });
    else if (state === 'map') tokens.push({ map: path.slice(tokenStart + MAP_SEPARATOR.length, i) });
    // Go's strconv.Atoi error is ignored by sops: a bad index becomes 0.
    else
      tokens.push({
        index: /^[+-]?\d+$/.test(path.slice(tokenStart + LIST_SEPARATOR.length, i)) ? Number(path.slice(tokenStart + LIST_SEPARATOR.length, i)) : 0,
      });
    tokenStart = i;
  };
  while (i < path.length) {
    if (path.startsWith(MAP_SEPARATOR, i)) {
      finish();
      state = 'map';
      i += MAP_SEPARATOR.length;
    } else if (path.startsWith(LIST_SEPARATOR, i)) {
      finish();
      state = 'list';
      i += LIST_SEPARATOR.length;
    } else i++;
  }
  finish();
  return tokens;
}

/** The nested field path a flattened key stands for: `age__list_0__map_enc` is `['age', 0, 'enc']`. */
export function flatKeyPath(key: string): Array<string | number> {
  return tokenize(key).map((t) => ('map' in t ? t.map : t.index));
}

interface Node {
  value?: { v: unknown };
  subkeys?: Map<string, Node>;
  indices?: Map<number, Node>;
}

function convert(node: Node): unknown {
  const kinds = [node.value !== undefined, (node.subkeys?.size ?? 0) > 0, (node.indices?.size ?? 0) > 0].filter(Boolean).length;
  if (kinds > 1) throw new Error('Type mismatch');
  if (node.value) return node.value.v;
  if (node.subkeys?.size) {
    const out: Record<string, unknown> = {};
    for (const key of [...node.subkeys.keys()].sort()) out[key] = convert(node.subkeys.get(key)!);
    return out;
  }
  if (node.indices?.size) {
    const indices = [...node.indices.keys()].sort((a, b) => a - b);
    if (indices[0] !== 0 || indices[indices.length - 1] !== indices.length - 1) throw new Error('Incomplete list');
    return indices.map((i) => convert(node.indices!.get(i)!));
  }
  return {};
}

/** Throws an Error with sops' wording when the keys do not form a tree. */
export function unflatten(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const root: Node = {};
  for (const [key, value] of entries) {
    let node = root;
    for (const token of tokenize(key)) {
      if ('map' in token) {
        node.subkeys ??= new Map();
        if (!node.subkeys.has(token.map)) node.subkeys.set(token.map, {});
        node = node.subkeys.get(token.map)!;
      } else {
        node.indices ??= new Map();
        if (!node.indices.has(token.index)) node.indices.set(token.index, {});
        node = node.indices.get(token.index)!;
      }
    }
    if (node.value) throw new Error(`Error while unflattening "${key}": Duplicate value`);
    node.value = { v: value };
  }
  return convert(root) as Record<string, unknown>;
}
