/**
 * A JSON reader that keeps offsets and duplicate keys, the way sops reads JSON with Go's token decoder
 * (stores/json/store.go, docs/sops-format.md §2.4): the top level must be an object, integers in int64 range are ints,
 * other numbers float64, and nothing after the top-level object is read.
 */
import { formatFloatF } from '../go-format.js';
import { stringScalar, type TreeEntry, type TreeMap, type TreeScalar, type TreeValue } from './tree.js';

export class JsonSyntaxError extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const MAX_DEPTH = 1_000;

export function parseJsonObject(content: string): TreeMap {
  let pos = 0;
  const fail = (what: string): never => {
    const found = pos < content.length ? `character ${JSON.stringify(content[pos])}` : 'end of input';
    throw new JsonSyntaxError(`invalid JSON: unexpected ${found} ${what}`, pos);
  };
  const skipSpace = (): void => {
    while (pos < content.length && ' \t\n\r'.includes(content[pos]!)) pos++;
  };
  const expect = (ch: string, what: string): void => {
    skipSpace();
    if (content[pos] !== ch) fail(what);
    pos++;
  };
  const readString = (): { text: string; start: number; end: number } => {
    STRING.lastIndex = pos;
    const m = STRING.exec(content);
    if (!m) return fail('in string literal');
    const start = pos;
    pos += m[0].length;
    return { text: JSON.parse(m[0]) as string, start, end: pos };
  };
  const readNumber = (): TreeScalar => {
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(content);
    if (!m) return fail('looking for beginning of value');
    const start = pos;
    pos += m[0].length;
    const raw = m[0];
    if (/^-?\d+$/.test(raw) && BigInt(raw) >= INT64_MIN && BigInt(raw) <= INT64_MAX) {
      return { kind: 'scalar', type: 'int', text: raw, macText: BigInt(raw).toString(), start, end: pos };
    }
    const v = Number(raw);
    if (!Number.isFinite(v)) throw new JsonSyntaxError('number out of float64 range', start);
    return { kind: 'scalar', type: 'float', text: raw, macText: formatFloatF(v), start, end: pos };
  };
  const readValue = (depth: number): TreeValue => {
    if (depth > MAX_DEPTH) fail('(nested too deeply)');
    skipSpace();
    const start = pos;
    const ch = content[pos];
    if (ch === '{') return readObject(depth + 1);
    if (ch === '[') {
      pos++;
      const items: TreeValue[] = [];
      skipSpace();
      if (content[pos] === ']') return (pos++, { kind: 'list', items });
      for (;;) {
        items.push(readValue(depth + 1));
        skipSpace();
        if (content[pos] === ']') return (pos++, { kind: 'list', items });
        expect(',', 'after array element');
      }
    }
    if (ch === '"') {
      const s = readString();
      return stringScalar(s.text, s.start, s.end);
    }
    for (const [word, type, macText] of [
      ['true', 'bool', 'True'],
      ['false', 'bool', 'False'],
      ['null', 'null', undefined],
    ] as const) {
      if (content.startsWith(word, pos)) {
        pos += word.length;
        return { kind: 'scalar', type, text: word, ...(macText ? { macText } : {}), start, end: pos };
      }
    }
    return readNumber();
  };
  const readObject = (depth: number): TreeMap => {
    pos++;
    const items: TreeEntry[] = [];
    skipSpace();
    if (content[pos] === '}') return (pos++, { kind: 'map', items });
    for (;;) {
      skipSpace();
      if (content[pos] !== '"') fail('looking for beginning of object key string');
      const key = readString();
      expect(':', 'after object key');
      const value = readValue(depth);
      items.push({ kind: 'entry', key: key.text, value, start: key.start, end: pos });
      skipSpace();
      if (content[pos] === '}') return (pos++, { kind: 'map', items });
      expect(',', 'after object key:value pair');
    }
  };
  skipSpace();
  if (content[pos] !== '{') {
    if (pos >= content.length) fail('looking for beginning of value');
    throw new JsonSyntaxError('SOPS only supports JSON files with a top-level object', pos);
  }
  return readObject(1);
}
