/**
 * The encoder's input: plain JS data with comments, turned into the store parsers' tree (src/sops/stores/tree.ts)
 * so the leaves come out in exactly sops' walk order. Every scalar and comment gets a unique id (kept in `start`)
 * that lets the emitters put each leaf's encrypted form back where it belongs.
 */
import { formatFloatF } from '../../../src/sops/go-format.js';
import type { TreeComment, TreeMap, TreeScalar, TreeValue } from '../../../src/sops/stores/tree.js';

const COMMENT = Symbol('sops-encoder comment');
export interface CommentItem {
  readonly [COMMENT]: string;
}
/** A comment item in a list (in a map, use a key starting with `#` whose value is the comment text). */
export const comment = (text: string): CommentItem => ({ [COMMENT]: text });

/** A float that JS would otherwise take for an int (`float(2)` is YAML `2.0`, MAC bytes `2`). */
const FLOAT = Symbol('sops-encoder float');
export interface FloatItem {
  readonly [FLOAT]: number;
}
export const float = (value: number): FloatItem => ({ [FLOAT]: value });

export type PlainScalar = string | number | boolean | null | FloatItem;
export type PlainValue = PlainScalar | PlainMap | ReadonlyArray<PlainValue | CommentItem>;
/**
 * A mapping. Keys starting with `#` are comment items whose text (what follows `#` in YAML) is the value. Use a Map
 * when key order matters for integer-like keys, which JS objects reorder.
 */
export type PlainMap = { readonly [key: string]: PlainValue } | ReadonlyMap<string, PlainValue>;

const isComment = (v: unknown): v is CommentItem => typeof v === 'object' && v !== null && COMMENT in v;
const isFloat = (v: unknown): v is FloatItem => typeof v === 'object' && v !== null && FLOAT in v;

export class TreeBuilder {
  private nextId = 1;

  /** `stringsOnly`: dotenv and INI read every value as a string (docs/sops-format.md §2.6-2.7). */
  private readonly stringsOnly: boolean;

  constructor(stringsOnly = false) {
    this.stringsOnly = stringsOnly;
  }

  private id(): number {
    return this.nextId++;
  }

  commentNode(text: string): TreeComment {
    const id = this.id();
    return { kind: 'comment', text, start: id, end: id };
  }

  scalar(value: PlainScalar): TreeScalar {
    const id = this.id();
    const at = { start: id, end: id };
    if (value === null) return { kind: 'scalar', type: 'null', text: 'null', ...at };
    if (this.stringsOnly && typeof value !== 'string') {
      const text = isFloat(value) ? formatFloatF(value[FLOAT]) : String(value);
      return { kind: 'scalar', type: 'str', text, macText: text, ...at };
    }
    if (typeof value === 'string') return { kind: 'scalar', type: 'str', text: value, macText: value, ...at };
    if (typeof value === 'boolean') return { kind: 'scalar', type: 'bool', text: String(value), macText: value ? 'True' : 'False', ...at };
    if (isFloat(value)) return { kind: 'scalar', type: 'float', text: floatText(value[FLOAT]), macText: formatFloatF(value[FLOAT]), ...at };
    if (Number.isSafeInteger(value)) return { kind: 'scalar', type: 'int', text: String(value), macText: String(value), ...at };
    return { kind: 'scalar', type: 'float', text: floatText(value), macText: formatFloatF(value), ...at };
  }

  value(v: PlainValue): TreeValue {
    if (Array.isArray(v)) {
      return { kind: 'list', items: v.map((item: PlainValue | CommentItem) => (isComment(item) ? this.commentNode(item[COMMENT]) : this.value(item))) };
    }
    if (typeof v === 'object' && v !== null && !isFloat(v)) return this.map(v as PlainMap);
    return this.scalar(v as PlainScalar);
  }

  map(m: PlainMap): TreeMap {
    const entries = m instanceof Map ? [...m.entries()] : Object.entries(m);
    return {
      kind: 'map',
      items: entries.map(([key, value]) => {
        if (key.startsWith('#')) return this.commentNode(String(value));
        const node = this.value(value as PlainValue);
        return { kind: 'entry', key, value: node, start: 0, end: 0 };
      }),
    };
  }
}

/** A YAML/JSON float literal that stays a float when read back (`2` would come back as an int). */
function floatText(v: number): string {
  const text = formatFloatF(v);
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}
