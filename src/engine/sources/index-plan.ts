/**
 * Plans over the index: staged mode (what the next commit adds or changes) and --all (every tracked file).
 * Content always comes from index blobs, never the working tree, so a partially staged file is judged by what
 * is staged, and GIT_INDEX_FILE (a hook's temporary index) is honoured because every git child inherits it.
 */
import { BlobStream } from '../../git/blob-stream.js';
import type { Repository } from '../../git/repository.js';
import { stagedEntries, trackedEntries, type BlobEntry } from '../../git/tree-entries.js';
import { isSopsConfigPath, type ScanPlan } from '../plan.js';

export async function indexPlan(repo: Repository, scope: 'staged' | 'all'): Promise<ScanPlan> {
  // Two independent listings: run them side by side rather than one after the other.
  const [tracked, staged] = await Promise.all([trackedEntries(repo), scope === 'staged' ? stagedEntries(repo) : undefined]);
  const targets = staged ?? tracked;
  return blobPlan(repo, 'index', targets, tracked);
}

/** A plan over blobs: `targets` are checked, `context` holds every file a rule or config lookup may need. */
export async function blobPlan(
  repo: Repository,
  origin: 'index' | 'commit',
  targets: readonly BlobEntry[],
  context: readonly BlobEntry[],
  shared: { commit?: string; stream?: BlobStream } = {},
): Promise<ScanPlan> {
  const { commit } = shared;
  const byPath = new Map(context.map((e) => [e.path, e]));
  for (const entry of targets) byPath.set(entry.path, entry);
  // A shared stream (range mode: one for all commits) belongs to the caller, which closes it.
  let stream = shared.stream;
  const owned = !stream;
  const read = (oid: string, cap?: number) => (stream ??= new BlobStream(repo.root, repo.env)).read(oid, cap);
  return {
    origin,
    ...(commit ? { commit } : {}),
    root: repo.root,
    files: targets.map((e) => ({ path: e.path, ...(commit ? { commit } : {}), read: (cap: number) => read(e.oid, cap) })),
    knownPaths: new Set(byPath.keys()),
    sopsConfigPaths: [...byPath.keys()].filter(isSopsConfigPath),
    async readSupportFile(path) {
      const entry = byPath.get(path);
      return entry ? (await read(entry.oid)).bytes : undefined;
    },
    close: () => {
      if (owned) stream?.close();
    },
  };
}
