/**
 * Range and push modes: one plan per commit, over the blobs that commit added or modified, with the part of that
 * commit's tree they need as context (the `.sops.yaml` files above them, the root's configs, their siblings). A blob seen at the same path in an
 * earlier commit of the range is not read again.
 */
import { BlobStream } from '../../git/blob-stream.js';
import { changesOf, treeContext, type CommitChanges } from '../../git/history.js';
import type { Repository } from '../../git/repository.js';
import type { ScanPlan } from '../plan.js';
import { blobPlan } from './index-plan.js';

export async function* historyPlans(repo: Repository, commits: readonly string[]): AsyncGenerator<ScanPlan> {
  const seen = new Set<string>();
  const stream = new BlobStream(repo.root, repo.env);
  try {
    yield* plansOfCommits(repo, await changesOf(repo, commits), seen, stream);
  } finally {
    stream.close();
  }
}

async function* plansOfCommits(repo: Repository, changes: readonly CommitChanges[], seen: Set<string>, stream: BlobStream): AsyncGenerator<ScanPlan> {
  for (const { commit, entries } of changes) {
    const fresh = entries.filter((e) => {
      const key = `${e.path}\0${e.oid}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (fresh.length === 0) continue;
    yield blobPlan(repo, 'commit', fresh, await treeContext(repo, commit, fresh), { commit, stream });
  }
}
