/**
 * The first YAML document of a `.sops.yaml` as plain values, with the line and column of every map key, map value
 * and list item kept aside, so checks can work on plain objects and still point at the text.
 * Mirrors go-yaml v3 as sops uses it (docs/sops-format.md §1.1): only the first document is read, duplicate keys are an
 * error, aliases resolve to their anchor and `<<` merge keys fill in keys the map does not set itself.
 */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import { buildLineIndex, type LineIndex } from '../../util/positions.js';
import { quote } from '../../util/quote.js';

export interface Location {
  readonly line: number;
  readonly column: number;
}

interface EntryLocation {
  readonly key: Location;
  readonly value: Location;
  /** The value, or something inside it, defines a YAML anchor (`&name`). */
  readonly definesAnchor: boolean;
}

/** Where a map's or list's parts are in the text. */
export interface ContainerInfo {
  readonly at: Location;
  readonly entries: Map<string, EntryLocation>;
  readonly items: Location[];
}

export interface LocatedYaml {
  /** The document's root value; undefined for an empty file. */
  readonly root: unknown;
  readonly rootAt: Location;
  /** Position data of every map and list in `root`, keyed by object identity. */
  readonly info: WeakMap<object, ContainerInfo>;
}

export interface YamlProblem {
  readonly message: string;
  readonly at: Location;
}

interface Converted {
  readonly value: unknown;
  readonly anchors: boolean;
}

const START: Location = { line: 1, column: 1 };

/** Sets a property without letting a key such as `__proto__` reach the prototype. */
function defineEntry(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

class Converter {
  readonly info = new WeakMap<object, ContainerInfo>();
  readonly problems: YamlProblem[] = [];
  private readonly done = new Map<Node, Converted>();
  private readonly inProgress = new Set<Node>();

  private readonly doc: Document;
  private readonly lines: LineIndex;
  constructor(doc: Document, lines: LineIndex) {
    this.doc = doc;
    this.lines = lines;
  }

  at(node: Node | null | undefined): Location {
    const offset = node?.range?.[0];
    return offset === undefined ? START : this.lines.position(offset);
  }

  convert(node: unknown): Converted {
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) return { value: null, anchors: false };
      if (this.inProgress.has(target)) {
        this.problems.push({ message: `anchor "${quote(node.source)}" contains an alias to itself`, at: this.at(node) });
        return { value: null, anchors: false };
      }
      return { value: this.convert(target).value, anchors: false };
    }
    if (!isMap(node) && !isSeq(node)) {
      const value = isScalar(node) ? node.value : null;
      return { value: value === undefined ? null : value, anchors: Boolean(isScalar(node) && node.anchor) };
    }
    const cached = this.done.get(node);
    if (cached) return cached;
    this.inProgress.add(node);
    const result = isMap(node) ? this.convertMap(node) : this.convertSeq(node);
    const converted = { value: result.value, anchors: result.anchors || Boolean(node.anchor) };
    this.inProgress.delete(node);
    this.done.set(node, converted);
    return converted;
  }

  private convertSeq(node: Node & { items: unknown[] }): Converted {
    const value: unknown[] = [];
    const info: ContainerInfo = { at: this.at(node), entries: new Map(), items: [] };
    let anchors = false;
    for (const item of node.items) {
      const c = this.convert(item);
      value.push(c.value);
      info.items.push(this.at(item as Node));
      anchors ||= c.anchors;
    }
    this.info.set(value, info);
    return { value, anchors };
  }

  private convertMap(node: Node & { items: Array<{ key: unknown; value: unknown }> }): Converted {
    const value: Record<string, unknown> = {};
    const info: ContainerInfo = { at: this.at(node), entries: new Map(), items: [] };
    const merges: unknown[] = [];
    let anchors = false;
    for (const pair of node.items) {
      const keyNode = isAlias(pair.key) ? pair.key.resolve(this.doc) : pair.key;
      const key = isScalar(keyNode) ? String(keyNode.value) : '';
      const c = this.convert(pair.value);
      anchors ||= c.anchors;
      if (key === '<<' && isScalar(pair.key) && !pair.key.type?.startsWith('QUOTE')) {
        merges.push(c.value);
        continue;
      }
      defineEntry(value, key, c.value);
      const valueAt = pair.value ? this.at(pair.value as Node) : this.at(pair.key as Node);
      info.entries.set(key, { key: this.at(pair.key as Node), value: valueAt, definesAnchor: c.anchors });
    }
    // YAML merge keys: explicit keys win, then earlier merged maps over later ones.
    for (const merged of merges.flatMap((m) => (Array.isArray(m) ? m : [m]))) {
      if (typeof merged !== 'object' || merged === null || Array.isArray(merged)) continue;
      const source = this.info.get(merged);
      for (const [key, v] of Object.entries(merged)) {
        if (info.entries.has(key)) continue;
        defineEntry(value, key, v);
        const where = source?.entries.get(key);
        if (where) info.entries.set(key, where);
      }
    }
    this.info.set(value, info);
    return { value, anchors };
  }
}

/** Parses YAML text; never throws. Syntax errors come back as problems and an undefined root. */
export function parseLocatedYaml(text: string): { located: LocatedYaml; problems: YamlProblem[] } {
  const lines = buildLineIndex(text);
  const empty = { root: undefined, rootAt: START, info: new WeakMap<object, ContainerInfo>() };
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, { prettyErrors: false });
  } catch (error) {
    return { located: empty, problems: [{ message: `invalid YAML: ${quote((error as Error).message.split('\n')[0]!)}`, at: START }] };
  }
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  if (!doc) return { located: empty, problems: [] };
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({
      message: `invalid YAML: ${quote(e.message.split('\n')[0]!)}`,
      at: lines.position(e.pos[0]),
    }));
    return { located: empty, problems };
  }
  const converter = new Converter(doc, lines);
  const root = converter.convert(doc.contents).value;
  return {
    located: { root, rootAt: converter.at(doc.contents), info: converter.info },
    problems: converter.problems,
  };
}
