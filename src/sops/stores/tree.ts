/**
 * The tree every store parser builds, shaped like sops' own `TreeBranch` (maps of items, lists, comments as items),
 * and the walk that turns it into leaves exactly as sops.go `walkBranch`/`walkSlice` visit them (docs/sops-format.md §4):
 * map keys form the path, list indices do not, and each nesting level keeps the run of comments that precede the
 * current item (reset after every non-comment item).
 */
import type { LeafType, MetadataLeaf, SopsLeaf } from '../model.js';

export interface TreeScalar {
  readonly kind: 'scalar';
  readonly type: LeafType;
  readonly text: string;
  readonly macText?: string;
  readonly start: number;
  readonly end: number;
}

export interface TreeComment {
  readonly kind: 'comment';
  /** The comment text after its marker (`#` or `;`), as sops stores it. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface TreeEntry {
  readonly kind: 'entry';
  readonly key: string;
  readonly value: TreeValue;
  /** Offsets of the whole entry, key to end of value. */
  readonly start: number;
  readonly end: number;
}

export interface TreeMap {
  readonly kind: 'map';
  readonly items: Array<TreeEntry | TreeComment>;
}

export interface TreeList {
  readonly kind: 'list';
  readonly items: Array<TreeValue | TreeComment>;
}

export type TreeValue = TreeScalar | TreeMap | TreeList;

export function stringScalar(text: string, start: number, end: number): TreeScalar {
  return { kind: 'scalar', type: 'str', text, macText: text, start, end };
}

/** Leaves of one document in sops' walk order. Comment leaves carry themselves as the last stacked comment. */
export function walkDocument(root: TreeMap, document: number): SopsLeaf[] {
  const leaves: SopsLeaf[] = [];
  const snapshot = (stack: string[][]): string[][] => stack.map((level) => [...level]);
  const emitComment = (c: TreeComment, path: readonly string[], stack: string[][]): void => {
    stack[stack.length - 1]!.push(c.text);
    leaves.push({ path, isComment: true, text: c.text, type: 'str', document, start: c.start, end: c.end, commentStack: snapshot(stack) });
  };
  const walkValue = (value: TreeValue, path: readonly string[], stack: string[][]): void => {
    if (value.kind === 'map') return walkMap(value, path, stack);
    if (value.kind === 'list') return walkList(value, path, stack);
    leaves.push({
      path,
      isComment: false,
      text: value.text,
      type: value.type,
      document,
      start: value.start,
      end: value.end,
      commentStack: snapshot(stack),
      ...(value.macText !== undefined && value.type !== 'null' ? { macText: value.macText } : {}),
    });
  };
  const walkMap = (map: TreeMap, path: readonly string[], outer: string[][]): void => {
    const stack = [...outer, []];
    for (const item of map.items) {
      if (item.kind === 'comment') {
        emitComment(item, path, stack);
        continue;
      }
      walkValue(item.value, [...path, item.key], stack);
      stack[stack.length - 1] = [];
    }
  };
  const walkList = (list: TreeList, path: readonly string[], outer: string[][]): void => {
    const stack = [...outer, []];
    for (const item of list.items) {
      if (item.kind === 'comment') {
        emitComment(item, path, stack);
        continue;
      }
      walkValue(item, path, stack);
      stack[stack.length - 1] = [];
    }
  };
  walkMap(root, [], []);
  return leaves;
}

/**
 * Key paths of the maps and lists with no value in them (`stringData: {}`, `items: []`): sops' walk visits nothing
 * there, yet a selection setting that names such a key did match the file.
 */
export function emptyContainerPaths(root: TreeMap): string[][] {
  const out: string[][] = [];
  const visit = (value: TreeValue, path: string[]): void => {
    if (value.kind === 'scalar') return;
    const children = value.items.filter((i) => i.kind !== 'comment');
    if (children.length === 0) out.push(path);
    for (const child of children) {
      if (child.kind === 'entry') visit(child.value, [...path, child.key]);
      else visit(child as TreeValue, path);
    }
  };
  for (const item of root.items) if (item.kind === 'entry') visit(item.value, [item.key]);
  return out;
}

/** Plain JS value of a metadata subtree: bools, nulls and safe ints typed, everything else as written. */
export function toPlain(value: TreeValue): unknown {
  if (value.kind === 'list') return value.items.filter((i) => i.kind !== 'comment').map((i) => toPlain(i as TreeValue));
  if (value.kind === 'map') {
    const out: Record<string, unknown> = {};
    for (const item of value.items) if (item.kind === 'entry') out[item.key] = toPlain(item.value);
    return out;
  }
  if (value.type === 'null') return null;
  if (value.type === 'bool') return value.macText === 'True';
  if (value.type === 'int' && Number.isSafeInteger(Number(value.macText))) return Number(value.macText);
  return value.text;
}

/** The scalars of a metadata subtree with their field paths (list indices included) and positions; comments left out. */
export function metadataLeaves(value: TreeValue, path: ReadonlyArray<string | number> = []): MetadataLeaf[] {
  if (value.kind === 'scalar') return [{ path, text: value.text, type: value.type, start: value.start, end: value.end }];
  if (value.kind === 'map') return value.items.flatMap((i) => (i.kind === 'entry' ? metadataLeaves(i.value, [...path, i.key]) : []));
  return value.items.filter((i) => i.kind !== 'comment').flatMap((i, index) => metadataLeaves(i as TreeValue, [...path, index]));
}
