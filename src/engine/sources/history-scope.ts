/**
 * What a history scan covers: `check --range` and `pre-receive` turned into commits to check one by one, heads
 * whose configuration judges again what their commits left behind, and refs that name a tree or a blob directly.
 */
import { commitsInRange, isZeroOid, revList, type HistoryCommit } from '../../git/history.js';
import { peelRefs, type RefTarget } from '../../git/ref-targets.js';
import type { Repository } from '../../git/repository.js';

export interface HistoryHead {
  /** The commit whose configuration judges. */
  readonly tip: string;
  /** The commits whose content it judges (what they brought and it still holds), parents before children. */
  readonly commits: readonly string[];
}

export interface HistoryScope {
  /** Every commit whose changes the scan needs. */
  readonly commits: readonly HistoryCommit[];
  /** The commits checked one by one, each under its own configuration, parents before children. */
  readonly checked: readonly string[];
  readonly heads: readonly HistoryHead[];
  /** Refs that name a tree or a blob (pushes only). */
  readonly objects: readonly RefTarget[];
}

export interface RefUpdate {
  readonly oldOid: string;
  readonly newOid: string;
  readonly ref: string;
}

/** `--range`: every commit of the range; its heads (one for `A..B`) judge again what the range brought. */
export async function rangeScope(repo: Repository, range: string): Promise<HistoryScope> {
  const commits = await commitsInRange(repo, range);
  const ids = commits.map((c) => c.commit);
  const parents = new Set(commits.flatMap((c) => c.parents));
  const tips = ids.filter((id) => !parents.has(id));
  return { commits, checked: ids, heads: tips.map((tip) => ({ tip, commits: ids })), objects: [] };
}

/**
 * A push: the commits no existing ref reaches are checked one by one (new branches, updates and force pushes alike;
 * a deletion brings nothing). Each updated ref's new commit judges again what `old..new` brought (for a new ref,
 * what no existing ref reaches), so moving a branch onto commits the server already holds is judged too.
 */
export async function pushScope(repo: Repository, updates: readonly RefUpdate[]): Promise<HistoryScope> {
  const live = updates.filter((u) => !isZeroOid(u.newOid));
  const targets = await peelRefs(
    repo,
    live.map((u) => ({ ref: u.ref, oid: u.newOid })),
  );
  const existing = live.filter((u) => !isZeroOid(u.oldOid));
  const olds = new Map(
    (
      await peelRefs(
        repo,
        existing.map((u) => ({ ref: u.ref, oid: u.oldOid })),
      )
    ).map((t) => [t.ref, t]),
  );
  const tips = targets.filter((t) => t.type === 'commit');
  const fresh = tips.length > 0 ? await revList(repo, [...new Set(tips.map((t) => t.oid)), '--not', '--all']) : [];
  const byId = new Map(fresh.map((c) => [c.commit, c]));
  // Keyed by tip and commits: a branch and a tag pushed at the same new commit are one head.
  const heads = new Map<string, HistoryHead>();
  for (const tip of tips) {
    const old = olds.get(tip.ref);
    const commits = old?.type === 'commit' ? await revList(repo, [tip.oid, `^${old.oid}`]) : reachableWithin(tip.oid, fresh);
    for (const c of commits) byId.set(c.commit, c);
    const ids = commits.map((c) => c.commit);
    heads.set(`${tip.oid} ${ids.join(' ')}`, { tip: tip.oid, commits: ids });
  }
  return { commits: [...byId.values()], checked: fresh.map((c) => c.commit), heads: [...heads.values()], objects: targets.filter((t) => t.type !== 'commit') };
}

/** The commits of `among` that `tip` reaches through parents in `among`, in `among`'s order. */
function reachableWithin(tip: string, among: readonly HistoryCommit[]): HistoryCommit[] {
  const byId = new Map(among.map((c) => [c.commit, c]));
  const reached = new Set<string>();
  const stack = [tip];
  while (stack.length > 0) {
    const id = stack.pop()!;
    const commit = byId.get(id);
    if (!commit || reached.has(id)) continue;
    reached.add(id);
    stack.push(...commit.parents);
  }
  return among.filter((c) => reached.has(c.commit));
}
