/**
 * Which owners' keywords occur in a text, in one case-insensitive pass (gitleaks' per-rule `keywords`): the
 * detectors' prefilter. The pass is a loop over the text's character codes that looks each position's first three
 * characters, by their slots (below), up in a table of the keywords' first three: a regex alternation of all the
 * keywords cost several times more on real text, where nearly every letter starts some keyword. Where the table
 * says a keyword may start, the keywords with that beginning are tested in place (case-insensitive, ASCII folding
 * as a non-unicode `i` regex does), so overlapping keywords of different owners are all seen.
 */

interface KeywordProbe<Owner> {
  readonly matchesAt: RegExp;
  readonly owners: readonly Owner[];
}

/**
 * Each character code's slot in the tables, 5 bits: a letter's own (either case), one for all digits, one for a
 * space, one for `_` and `-`, one for `.`, `:`, `/` and `=`, one for anything else. Three slots make a 15-bit key, so
 * the table read at every position is 32 KB and stays in the processor's fastest cache (a 21-bit table of exact
 * characters, 2 MB, missed it on most reads). Characters that share a slot only cost a probe that fails.
 */
const SLOT = new Uint8Array(0x10000).fill(31);
for (let code = 0; code < 26; code++) SLOT[0x61 + code] = SLOT[0x41 + code] = code + 1;
for (let code = 0x30; code <= 0x39; code++) SLOT[code] = 27;
SLOT[0x20] = 28;
for (const c of '_-') SLOT[c.charCodeAt(0)] = 29;
for (const c of '.:/=') SLOT[c.charCodeAt(0)] = 30;
const key2 = (a: number, b: number): number => (SLOT[a]! << 5) | SLOT[b]!;
const key3 = (a: number, b: number, c: number): number => (SLOT[a]! << 10) | (SLOT[b]! << 5) | SLOT[c]!;
const KEY3_MASK = (1 << 15) - 1;

export class KeywordSearch<Owner> {
  /** Probes by the slots of their keyword's first three characters (first two for two-character keywords). */
  readonly #probes3 = new Map<number, KeywordProbe<Owner>[]>();
  readonly #probes2 = new Map<number, KeywordProbe<Owner>[]>();
  /** 1 where some keyword may begin with these slots: a typed array, read at every position. */
  readonly #starts3 = new Uint8Array(1 << 15);
  readonly #owners: ReadonlySet<Owner>;

  /** `keywords`: each owner's keywords, compared without case; none may be shorter than two characters. */
  constructor(keywords: ReadonlyMap<Owner, readonly string[]>) {
    const owners = new Map<string, Owner[]>();
    for (const [owner, list] of keywords) {
      for (const keyword of list) {
        if (keyword.length < 2) throw new Error(`keyword "${keyword}" is shorter than two characters`);
        owners.set(keyword.toLowerCase(), [...(owners.get(keyword.toLowerCase()) ?? []), owner]);
      }
    }
    const add = (table: Map<number, KeywordProbe<Owner>[]>, key: number, probe: KeywordProbe<Owner>): void => {
      table.set(key, [...(table.get(key) ?? []), probe]);
    };
    for (const [keyword, ids] of owners) {
      const probe = { matchesAt: new RegExp(escape(keyword), 'iy'), owners: ids };
      const code = (i: number): number => keyword.charCodeAt(i);
      if (keyword.length > 2) {
        add(this.#probes3, key3(code(0), code(1), code(2)), probe);
        continue;
      }
      // A two-character keyword is looked for with whatever character follows it, so the loop reads one table;
      // at the text's end, where nothing follows, it is looked for on its own.
      const head = key2(code(0), code(1));
      add(this.#probes2, head, probe);
      for (let slot = 0; slot < 32; slot++) add(this.#probes3, (head << 5) | slot, probe);
    }
    for (const key of this.#probes3.keys()) this.#starts3[key] = 1;
    this.#owners = new Set(keywords.keys());
  }

  /** Adds to `found` every owner one of whose keywords occurs in `content`; stops once all owners are found. */
  addOwnersIn(content: string, found: Set<Owner>): Set<Owner> {
    const length = content.length;
    if (this.#owners.size === 0 || length < 2) return found;
    let missing = [...this.#owners].filter((o) => !found.has(o)).length;
    const starts3 = this.#starts3;
    // The slots of the last three characters roll through `key`: at `end`, it holds those of end-2..end, where a
    // keyword may begin.
    let key = (SLOT[content.charCodeAt(0)]! << 5) | SLOT[content.charCodeAt(1)]!;
    for (let end = 2; end < length; end++) {
      key = ((key << 5) | SLOT[content.charCodeAt(end)]!) & KEY3_MASK;
      if (starts3[key] === 1) {
        missing -= this.#probe(this.#probes3.get(key), content, end - 2, found);
        if (missing === 0) return found;
      }
    }
    this.#probe(this.#probes2.get(key2(content.charCodeAt(length - 2), content.charCodeAt(length - 1))), content, length - 2, found);
    return found;
  }

  /** Tests `probes` at `at`, adding the owners of those that match; returns how many owners were new. */
  #probe(probes: readonly KeywordProbe<Owner>[] | undefined, content: string, at: number, found: Set<Owner>): number {
    let added = 0;
    for (const probe of probes ?? []) {
      probe.matchesAt.lastIndex = at;
      if (!probe.matchesAt.test(content)) continue;
      for (const owner of probe.owners) {
        if (found.has(owner)) continue;
        found.add(owner);
        added++;
      }
    }
    return added;
  }
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** An alternation of `keywords` as a trie; it matches wherever some keyword starts (the shortest one suffices). */
// Kept for the secretlint prefilter's tests and as the reference the keyword search is compared with.
export function triePattern(keywords: readonly string[]): string {
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  const root: Node = { end: false, next: new Map() };
  for (const keyword of keywords) {
    let node = root;
    for (const ch of keyword) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: Node): string => {
    if (node.end) return '';
    const branches = [...node.next].map(([ch, child]) => escape(ch) + emit(child));
    return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  };
  return emit(root);
}
