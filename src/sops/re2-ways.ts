/**
 * How many ways a backtracking engine can read a pattern of the RE2 subset (re2-subset.ts) from one start position
 * before it gives up there, which is what bounds a JS RegExp's work. Along a sequence the items' ways multiply. An
 * atom has one way; `x?` has the ways of `x` plus one (skipping it); `x*` and `x+` one per length they can take, at
 * most `longestText + 1`. An alternation's branches add up, except that branches starting with different literal
 * characters exclude each other: at a given position only those starting with the character found there get past
 * their first atom, so only the largest such group counts (`(yaml|json|env)` has one way, `(yaml|yml)` two).
 * Fed item by item while the pattern is read.
 */

interface Level {
  /** Ways of the finished branches that start with a literal character, by that character. */
  readonly byFirst: Map<string, number>;
  /** Ways of the finished branches that do not (a class, an optional atom, a group, an anchor, nothing). */
  others: number;
  /** Ways of the current branch, without its last item. */
  product: number;
  /** Ways of the last item, while a repetition may still apply to it. */
  last: number | undefined;
  /** Items of the current branch so far. */
  items: number;
  /** The literal character the current branch starts with; null when its first item is anything else. */
  first: string | null;
}

const newLevel = (): Level => ({ byFirst: new Map(), others: 0, product: 1, last: undefined, items: 0, first: null });

export class ReadingWays {
  readonly #levels: Level[] = [newLevel()];
  readonly #longestText: number;

  constructor(longestText: number) {
    this.#longestText = longestText;
  }

  /** A character, a class or a `.`: one way, and a repetition may follow. `literal` is the one character it matches, if so. */
  atom(literal?: string): void {
    const level = this.#nextItem(literal ?? null);
    level.last = 1;
  }

  /** `^` or `$`: one way, and nothing may repeat it. */
  assertion(): void {
    this.#nextItem(null);
  }

  /**
   * Applies `?` (optional) or `*`/`+` (unbounded) to the last item. False when nothing can be repeated there, or
   * when an unbounded repetition would apply to an item with more than one way (`(a|b)*`, `(a+)+`): the number of
   * readings of such a loop grows exponentially with the text.
   */
  repeat(kind: 'optional' | 'unbounded'): boolean {
    const level = this.#top();
    if (level.last === undefined || (kind === 'unbounded' && level.last > 1)) return false;
    level.product *= kind === 'optional' ? level.last + 1 : this.#longestText + 1;
    level.last = undefined;
    if (level.items === 1) level.first = null; // `a?x` and `a*x` may start with x
    return true;
  }

  /** `|`: the current branch ends, the next one starts. */
  alternative(): void {
    const level = this.#top();
    this.#endBranch(level);
    Object.assign(level, { product: 1, last: undefined, items: 0, first: null });
  }

  open(): void {
    this.#nextItem(null);
    this.#levels.push(newLevel());
  }

  /** Closes the innermost group, which becomes the last item of its parent. */
  close(): void {
    const ways = this.#total(this.#levels.pop()!);
    this.#top().last = ways;
  }

  /** The ways of the whole pattern, once it is read (groups still open are not counted; the caller refuses such a pattern). */
  total(): number {
    return this.#total(this.#levels[0]!);
  }

  #total(level: Level): number {
    this.#endBranch(level);
    let largest = 0;
    for (const ways of level.byFirst.values()) largest = Math.max(largest, ways);
    return level.others + largest;
  }

  #endBranch(level: Level): void {
    const ways = level.product * (level.last ?? 1);
    if (level.first === null) level.others += ways;
    else level.byFirst.set(level.first, (level.byFirst.get(level.first) ?? 0) + ways);
  }

  #top(): Level {
    return this.#levels[this.#levels.length - 1]!;
  }

  /** Settles the last item's ways into the branch and starts the next item. */
  #nextItem(literal: string | null): Level {
    const level = this.#top();
    if (level.last !== undefined) level.product *= level.last;
    level.last = undefined;
    if (level.items++ === 0) level.first = literal;
    return level;
  }
}
