/**
 * Turns one parsed YAML document into sops' tree (stores/yaml/store.go `appendYamlNodeToTreeBranch`,
 * docs/sops-format.md §2.3): string keys only, scalars typed as yaml.v3 types them, aliases expanded in place, and
 * every block or flow collection registered as a comment container.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { skipSpaceAndComments, type CommentContainer } from './yaml-comments.js';
import { typePlainScalar, typeTaggedScalar } from './yaml-scalar.js';
import type { TreeEntry, TreeList, TreeMap, TreeScalar, TreeValue } from './tree.js';

export class YamlShapeError extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

const MAX_ALIAS_DEPTH = 64;
const MAX_VALUES = 200_000;

interface Context {
  readonly depth: number;
  readonly regionStart: number;
  readonly metadata: boolean;
  /** Set while expanding an alias: values take the alias' position and register no containers. */
  readonly aliasRange?: readonly [number, number];
  readonly aliasDepth: number;
}

type Range = readonly [number, number, number];

export class YamlTreeBuilder {
  readonly containers: CommentContainer[] = [];
  private values = 0;
  /** Finishers that merge placed comments into the items once every comment is placed. */
  private readonly finishers: Array<() => void> = [];

  private readonly content: string;
  private readonly doc: Document.Parsed;

  constructor(content: string, doc: Document.Parsed) {
    this.content = content;
    this.doc = doc;
  }

  finish(): void {
    for (const f of this.finishers) f();
  }

  scalar(node: Scalar, ctx: Context): TreeScalar {
    if (++this.values > MAX_VALUES) throw new YamlShapeError('too many values (alias expansion)', node.range?.[0] ?? 0);
    const text = typeof node.value === 'string' ? node.value : String(node.value ?? '');
    const typed = node.tag
      ? typeTaggedScalar(text, node.tag)
      : node.type === 'PLAIN' || node.type === undefined
        ? typePlainScalar(text)
        : { type: 'str' as const, macText: text };
    const range = (ctx.aliasRange ?? node.range ?? [0, 0]) as readonly number[];
    if (!typed) throw new YamlShapeError(`cannot decode value as ${node.tag}`, range[0]!);
    return { kind: 'scalar', type: typed.type, text, ...(typed.macText !== undefined ? { macText: typed.macText } : {}), start: range[0]!, end: range[1]! };
  }

  value(node: Node | null | undefined, ctx: Context, fallbackAt: number): TreeValue {
    if (node === null || node === undefined) return { kind: 'scalar', type: 'null', text: '', start: fallbackAt, end: fallbackAt };
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      const range = node.range as unknown as Range;
      if (!target || ctx.aliasDepth >= MAX_ALIAS_DEPTH) throw new YamlShapeError('unresolvable alias', range[0]);
      return this.value(target as Node, { ...ctx, aliasRange: ctx.aliasRange ?? [range[0], range[1]], aliasDepth: ctx.aliasDepth + 1 }, fallbackAt);
    }
    if (isScalar(node)) return this.scalar(node, ctx);
    if (isMap(node)) return this.mapping(node.items as Pair[], node, ctx);
    if (isSeq(node)) return this.sequence(node.items as Node[], node, ctx);
    throw new YamlShapeError('unsupported YAML node', (node as { range?: Range }).range?.[0] ?? 0);
  }

  mapping(pairs: readonly Pair[], node: Node | undefined, ctx: Context): TreeMap {
    const entries: TreeEntry[] = [];
    const starts: number[] = [];
    for (const pair of pairs) {
      const { key, keyStart, keyEnd } = this.keyOf(pair, ctx);
      const value = pair.value as Node | null;
      const child = { ...ctx, depth: ctx.depth + 1, regionStart: keyEnd, metadata: ctx.metadata || (ctx.depth === 0 && key === 'sops') };
      const converted = this.value(value, child, keyEnd);
      entries.push({ kind: 'entry', key, value: converted, start: keyStart, end: this.contentEnd(value) ?? keyEnd });
      starts.push(keyStart);
    }
    const map: { kind: 'map'; items: TreeMap['items'] } = { kind: 'map', items: entries };
    this.register(node, ctx, starts, (merged) => (map.items = merged as TreeMap['items']), entries);
    return map;
  }

  private sequence(items: readonly Node[], node: Node, ctx: Context): TreeList {
    const values: TreeValue[] = [];
    const starts: number[] = [];
    for (const item of items) {
      const start = (item as { range?: Range }).range?.[0] ?? ctx.regionStart;
      values.push(this.value(item, { ...ctx, depth: ctx.depth + 1, regionStart: start }, start));
      starts.push(start);
    }
    const list: { kind: 'list'; items: TreeList['items'] } = { kind: 'list', items: values };
    this.register(node, ctx, starts, (merged) => (list.items = merged as TreeList['items']), values);
    return list;
  }

  private keyOf(pair: Pair, ctx: Context): { key: string; keyStart: number; keyEnd: number } {
    let keyNode = pair.key as Node | null;
    const aliasRange = isAlias(keyNode) ? (keyNode.range as unknown as Range) : undefined;
    if (isAlias(keyNode)) keyNode = keyNode.resolve(this.doc) as Node | null;
    const range = aliasRange ?? (keyNode as { range?: Range } | null)?.range;
    const keyStart = ctx.aliasRange?.[0] ?? range?.[0] ?? ctx.regionStart;
    const keyEnd = ctx.aliasRange?.[0] ?? range?.[1] ?? keyStart;
    if (!isScalar(keyNode)) throw new YamlShapeError('Tree contains a non-string key', keyStart);
    const typed = this.scalar(keyNode, ctx);
    if (typed.type !== 'str') throw new YamlShapeError(`Tree contains a non-string key (type ${typed.type})`, keyStart);
    return { key: typed.text, keyStart, keyEnd };
  }

  private register(node: Node | undefined, ctx: Context, itemStarts: number[], set: (merged: unknown[]) => void, items: readonly unknown[]): void {
    if (ctx.aliasRange) return;
    const src = (node as { srcToken?: { type?: string; offset?: number } } | undefined)?.srcToken;
    const flow = !src || src.type === 'flow-collection';
    const offset = src?.offset ?? 0;
    const column = ctx.depth === 0 || flow ? undefined : offset - (this.content.lastIndexOf('\n', offset - 1) + 1);
    const end = node ? (this.contentEnd(node) ?? ctx.regionStart) : this.content.length;
    const container: CommentContainer = {
      depth: ctx.depth,
      column,
      regionStart: ctx.depth === 0 ? 0 : ctx.regionStart,
      gapEnd: ctx.depth === 0 ? Infinity : flow ? end : skipSpaceAndComments(this.content, end),
      metadata: ctx.metadata,
      itemStarts,
      placed: [],
    };
    this.containers.push(container);
    this.finishers.push(() => {
      if (container.placed.length > 0) set(mergeInto(items, itemStarts, container));
    });
  }

  /** End of the last content of a node, leaving out trailing comments that the `yaml` ranges include. */
  contentEnd(node: Node | null | undefined): number | undefined {
    if (node === null || node === undefined) return undefined;
    const range = (node as { range?: Range }).range;
    if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
      const last = node.items[node.items.length - 1] as Pair | Node;
      if (isMap(node)) {
        const pair = last as Pair;
        return this.contentEnd(pair.value as Node | null) ?? (pair.key as { range?: Range } | null)?.range?.[1] ?? range?.[1];
      }
      return this.contentEnd(last as Node) ?? range?.[1];
    }
    return range?.[1];
  }
}

function mergeInto(items: readonly unknown[], itemStarts: readonly number[], container: CommentContainer): unknown[] {
  const queue = [...container.placed].sort((a, b) => a.at - b.at || a.comment.start - b.comment.start);
  const out: unknown[] = [];
  let q = 0;
  items.forEach((item, i) => {
    while (q < queue.length && queue[q]!.at <= itemStarts[i]!) out.push(queue[q++]!.comment);
    out.push(item);
  });
  while (q < queue.length) out.push(queue[q++]!.comment);
  return out;
}
