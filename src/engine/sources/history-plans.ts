/**
 * Range and push modes: one plan per commit, over the blobs that commit brought, with the part of that commit's
 * tree they need as context (the `.sops.yaml` files above them, the root's configs, their siblings). A blob seen at
 * the same path in an earlier commit of the range is not read again. Then, per head, a second look at what its
 * commits brought and it still holds, under the head's own configuration; then the refs that name a tree or a blob.
 */
import { treeContext, type CommitChanges } from '../../git/history.js';
import type { BlobStream } from '../../git/blob-stream.js';
import type { RefTarget } from '../../git/ref-targets.js';
import { treeFiles } from '../../git/ref-targets.js';
import type { Repository } from '../../git/repository.js';
import type { BlobEntry } from '../../git/tree-entries.js';
import type { ScanPlan } from '../plan.js';
import type { HistoryHead, HistoryScope } from './history-scope.js';
import { blobPlan, type PlannedBlob } from './index-plan.js';

/** `reconfiguring`: the commits that change a configuration file, and merges (see historySource). */
export async function* historyPlans(
  repo: Repository,
  scope: HistoryScope,
  changes: ReadonlyMap<string, CommitChanges>,
  reconfiguring: ReadonlySet<string>,
): AsyncGenerator<ScanPlan> {
  const stream = repo.openBlobStream();
  try {
    const work = freshChanges(scope.checked.map((c) => changes.get(c)!));
    const scanFiles = work.reduce((sum, item) => sum + item.fresh.length, 0);
    // The next commit's tree listing runs while the current commit is being scanned. A prefetch that fails after the
    // scan has stopped for another reason must not surface as an unhandled rejection, hence the quiet catch.
    const prefetch = (i: number) => {
      const item = work[i];
      const listing = item ? treeContext(repo, item.commit, item.fresh, stream) : undefined;
      listing?.catch(() => {});
      return listing;
    };
    let next = prefetch(0);
    for (let i = 0; i < work.length; i++) {
      const { commit, fresh } = work[i]!;
      const context = await next!;
      next = prefetch(i + 1);
      yield blobPlan(repo, 'commit', fresh, context, { commit, stream, scanFiles, part: { index: i + 1, of: work.length } });
    }
    // With no change of configuration among a head's commits, each was judged under the head's configuration already.
    for (const head of scope.heads.filter((h) => h.commits.some((c) => reconfiguring.has(c)))) {
      const plan = await headPlan(repo, head, changes, { stream, scanFiles });
      if (plan) yield plan;
    }
    for (const target of scope.objects) yield objectPlan(repo, target, stream);
  } finally {
    stream.close();
  }
}

/**
 * What a head's commits brought and the head still holds, each blob with the commit that brought it, judged under
 * the head's configuration: a later commit that deletes or loosens a config cannot leave behind, unjudged by any
 * config still in force, what an earlier commit let through. Blobs the head itself brought were judged so already.
 */
async function headPlan(
  repo: Repository,
  head: HistoryHead,
  changes: ReadonlyMap<string, CommitChanges>,
  shared: { stream: BlobStream; scanFiles: number },
): Promise<ScanPlan | undefined> {
  const brought: PlannedBlob[] = freshChanges(head.commits.map((c) => changes.get(c)!))
    .filter(({ commit }) => commit !== head.tip)
    .flatMap(({ commit, fresh }) => fresh.map((entry) => ({ ...entry, commit })));
  if (brought.length === 0) return undefined;
  const context = await treeContext(repo, head.tip, brought, shared.stream);
  const held = new Set(context.map(blobKey));
  const targets = brought.filter((entry) => held.has(blobKey(entry)));
  return targets.length > 0 ? blobPlan(repo, 'commit', targets, context, { ...shared, commit: head.tip, recheck: true }) : undefined;
}

/**
 * A ref that names a blob or a tree, with no commit: the blob is checked as a file named after the ref, a tree's
 * files as `<ref>:<path>`. Nothing in it is trusted as configuration: a tree that carries its own
 * `.secrets-guard.yaml` ignoring everything is still checked by the defaults.
 */
async function objectPlan(repo: Repository, target: RefTarget, stream: BlobStream): Promise<ScanPlan> {
  const files =
    target.type === 'blob'
      ? [{ path: target.ref, oid: target.oid, mode: '100644' }]
      : (await treeFiles(repo, target.oid)).map((entry) => ({ ...entry, path: `${target.ref}:${entry.path}` }));
  return blobPlan(repo, 'commit', files, files, { stream, repositoryConfig: false });
}

function blobKey(entry: BlobEntry): string {
  return `${entry.path}\0${entry.oid}`;
}

/** Each commit's blobs not already seen, at the same path, in an earlier commit of the range. */
function freshChanges(changes: readonly CommitChanges[]): Array<{ commit: string; fresh: BlobEntry[] }> {
  const seen = new Set<string>();
  const work: Array<{ commit: string; fresh: BlobEntry[] }> = [];
  for (const { commit, entries } of changes) {
    const fresh = entries.filter((e) => {
      const key = blobKey(e);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (fresh.length > 0) work.push({ commit, fresh });
  }
  return work;
}
