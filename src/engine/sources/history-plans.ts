/**
 * Range and push modes: one plan per commit, over the blobs that commit added or modified, with the part of that
 * commit's tree they need as context (the `.sops.yaml` files above them, the root's configs, their siblings). A
 * blob seen at the same path in an earlier commit of the range is not read again.
 */
import { changesOf, treeContext, type CommitChanges } from '../../git/history.js';
import type { Repository } from '../../git/repository.js';
import type { BlobEntry } from '../../git/tree-entries.js';
import type { ScanPlan } from '../plan.js';
import { blobPlan } from './index-plan.js';

export async function* historyPlans(repo: Repository, commits: readonly string[]): AsyncGenerator<ScanPlan> {
  const stream = repo.openBlobStream();
  try {
    const work = freshChanges(await changesOf(repo, commits));
    const scanFiles = work.reduce((sum, item) => sum + item.fresh.length, 0);
    // The next commit's tree listing runs while the current commit is being scanned. A prefetch that fails after the
    // scan has stopped for another reason must not surface as an unhandled rejection, hence the quiet catch.
    const prefetch = (i: number) => {
      const item = work[i];
      const listing = item ? treeContext(repo, item.commit, item.fresh) : undefined;
      listing?.catch(() => {});
      return listing;
    };
    let next = prefetch(0);
    for (let i = 0; i < work.length; i++) {
      const { commit, fresh } = work[i]!;
      const context = await next!;
      next = prefetch(i + 1);
      yield blobPlan(repo, 'commit', fresh, context, { commit, stream, scanFiles });
    }
  } finally {
    stream.close();
  }
}

/** Each commit's blobs not already seen, at the same path, in an earlier commit of the range. */
function freshChanges(changes: readonly CommitChanges[]): Array<{ commit: string; fresh: BlobEntry[] }> {
  const seen = new Set<string>();
  const work: Array<{ commit: string; fresh: BlobEntry[] }> = [];
  for (const { commit, entries } of changes) {
    const fresh = entries.filter((e) => {
      const key = `${e.path}\0${e.oid}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (fresh.length > 0) work.push({ commit, fresh });
  }
  return work;
}
