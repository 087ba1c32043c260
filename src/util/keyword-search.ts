/**
 * Which owners' keywords occur in a text, in one case-insensitive pass (gitleaks' per-rule `keywords`): the
 * detectors' prefilter. The search pattern is a trie of all keywords, so the regex engine branches on one
 * character instead of trying each keyword in turn. At each position where some keyword starts, every keyword with
 * that first character is tested in place (with the same case-insensitive semantics), and the search goes on from
 * the next character, so overlapping keywords of different owners are all seen.
 */

interface KeywordProbe<Owner> {
  readonly matchesAt: RegExp;
  readonly owners: readonly Owner[];
}

export class KeywordSearch<Owner> {
  readonly #search: RegExp | undefined;
  /** Keyword probes by their first character (lower case; keywords are ASCII). */
  readonly #probes = new Map<string, KeywordProbe<Owner>[]>();
  readonly #owners: ReadonlySet<Owner>;

  /** `keywords`: each owner's keywords, compared without case. */
  constructor(keywords: ReadonlyMap<Owner, readonly string[]>) {
    const owners = new Map<string, Owner[]>();
    for (const [owner, list] of keywords) {
      for (const keyword of list) owners.set(keyword.toLowerCase(), [...(owners.get(keyword.toLowerCase()) ?? []), owner]);
    }
    for (const [keyword, ids] of owners) {
      const first = keyword[0]!;
      this.#probes.set(first, [...(this.#probes.get(first) ?? []), { matchesAt: new RegExp(escape(keyword), 'iy'), owners: ids }]);
    }
    this.#search = owners.size > 0 ? new RegExp(triePattern([...owners.keys()]), 'gi') : undefined;
    this.#owners = new Set(keywords.keys());
  }

  /** Adds to `found` every owner one of whose keywords occurs in `content`; stops once all owners are found. */
  addOwnersIn(content: string, found: Set<Owner>): Set<Owner> {
    const search = this.#search;
    if (!search) return found;
    let missing = [...this.#owners].filter((o) => !found.has(o)).length;
    search.lastIndex = 0;
    for (let match = search.exec(content); match; match = search.exec(content)) {
      const at = match.index;
      for (const probe of this.#probes.get(content[at]!.toLowerCase()) ?? []) {
        probe.matchesAt.lastIndex = at;
        if (!probe.matchesAt.test(content)) continue;
        for (const owner of probe.owners) {
          if (found.has(owner)) continue;
          found.add(owner);
          missing--;
        }
      }
      if (missing === 0) return found;
      search.lastIndex = at + 1;
    }
    return found;
  }
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** An alternation of `keywords` as a trie; it matches wherever some keyword starts (the shortest one suffices). */
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
