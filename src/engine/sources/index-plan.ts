/**
 * Plans over the index: staged mode (what the next commit adds or changes) and --all (every tracked file).
 * Content always comes from index blobs, never the working tree, so a partially staged file is judged by what
 * is staged, and GIT_INDEX_FILE (a hook's temporary index) is honoured because every git child inherits it.
 */
import type { BlobStream } from '../../git/blob-stream.js';
import type { Repository } from '../../git/repository.js';
import { configPathspecs, indexEntriesMatching, stagedEntries, trackedEntries, type BlobEntry } from '../../git/tree-entries.js';
import { isSopsConfigFile } from '../../sops/config/discovery.js';
import type { ScanPlan } from '../plan.js';
import { preloadSopsConfigSupport } from '../sops-context.js';
import { contextPathspecs, isLargeIndex, SUPPORT_FILES } from './index-scope.js';

export async function indexPlan(repo: Repository, scope: 'staged' | 'all'): Promise<ScanPlan> {
  if (scope === 'all') {
    const tracked = await trackedEntries(repo);
    return blobPlan(repo, 'index', tracked, tracked);
  }
  if (!isLargeIndex(repo.indexFile)) {
    // A small index is listed whole, alongside the staged files: one round of git instead of two in a row.
    const [staged, tracked] = await Promise.all([stagedEntries(repo), trackedEntries(repo)]);
    return blobPlan(repo, 'index', staged, tracked);
  }
  // Every listing of a large index costs git a read of the whole file, and a full
  // listing costs the scan its parsing: the configs, which do not depend on what is staged, are listed while git
  // works out the staged files, then the staged files' directories; a .sops.yaml starts its parser loading meanwhile.
  const earlyConfigs = indexEntriesMatching(repo, configPathspecs(SUPPORT_FILES));
  earlyConfigs.then((entries) => entries.some((e) => isSopsConfigFile(e.path)) && preloadSopsConfigSupport()).catch(() => {}); // observed below
  const staged = await stagedEntries(repo);
  const siblings = contextPathspecs(staged);
  if (!siblings) return blobPlan(repo, 'index', staged, await trackedEntries(repo));
  const context = [...(await earlyConfigs), ...(await indexEntriesMatching(repo, siblings))];
  return blobPlan(repo, 'index', staged, context);
}

type BlobReader = (oid: string, cap?: number) => ReturnType<BlobStream['read']>;

/**
 * A planned blob. A class, not an object with a closure: on a 150,000-file index the per-file closures and their
 * contexts were a fifth of the main thread's heap.
 */
class IndexFile {
  readonly path: string;
  readonly commit: string | undefined;
  readonly #oid: string;
  readonly #reader: BlobReader;

  constructor(path: string, oid: string, commit: string | undefined, reader: BlobReader) {
    this.path = path;
    this.commit = commit;
    this.#oid = oid;
    this.#reader = reader;
  }

  read(cap: number): ReturnType<BlobStream['read']> {
    return this.#reader(this.#oid, cap);
  }
}

function isSupportPath(path: string): boolean {
  return isSopsConfigFile(path) || (SUPPORT_FILES as readonly string[]).includes(path);
}

/** A blob to check, with the commit that brought it when that is not the plan's own (a head's second look). */
export type PlannedBlob = BlobEntry & { readonly commit?: string };

export interface BlobPlanOptions {
  readonly commit?: string;
  readonly stream?: BlobStream;
  readonly scanFiles?: number;
  /** See ScanPlan.part. */
  readonly part?: ScanPlan['part'];
  /** See ScanPlan.recheck. */
  readonly recheck?: boolean;
  /** False: no configuration is read from `context` (an object with no commit, judged by the defaults alone). */
  readonly repositoryConfig?: boolean;
}

/** A plan over blobs: `targets` are checked, `context` holds every file a rule or config lookup may need. */
export async function blobPlan(
  repo: Repository,
  origin: 'index' | 'commit',
  targets: readonly PlannedBlob[],
  context: readonly BlobEntry[],
  shared: BlobPlanOptions = {},
): Promise<ScanPlan> {
  const { commit, scanFiles, part, recheck } = shared;
  const knownPaths = new Set<string>();
  // Only configs are ever read besides the targets: keep their entries, not a map of the whole tree.
  const support = new Map<string, BlobEntry>();
  const configured = shared.repositoryConfig !== false;
  for (const entry of [...context, ...targets]) {
    knownPaths.add(entry.path);
    if (configured && isSupportPath(entry.path)) support.set(entry.path, entry);
  }
  // A shared stream (range mode: one for all commits) belongs to the caller, which closes it.
  let stream = shared.stream;
  const owned = !stream;
  const read = (oid: string, cap?: number) => (stream ??= repo.openBlobStream()).read(oid, cap);
  return {
    origin,
    ...(commit ? { commit } : {}),
    ...(scanFiles !== undefined ? { scanFiles } : {}),
    ...(part ? { part } : {}),
    ...(recheck ? { recheck } : {}),
    root: repo.root,
    files: targets.map((e) => new IndexFile(e.path, e.oid, e.commit ?? commit, read)),
    knownPaths,
    sopsConfigPaths: [...support.keys()].filter(isSopsConfigFile),
    async readSupportFile(path) {
      const entry = support.get(path);
      return entry ? (await read(entry.oid)).bytes : undefined;
    },
    async readFile(path, cap) {
      // By name, which git resolves in the index (stage 0) or the commit's tree: no map of the whole tree is kept.
      // A control character would break cat-file's line protocol; such a name is simply not read.
      if (!knownPaths.has(path) || /[\x00-\x1f\x7f]/.test(path)) return undefined;
      const found = await read(commit ? `${commit}:${path}` : `:0:${path}`, cap).catch(() => undefined);
      return found?.bytes;
    },
    close: () => {
      if (owned) stream?.close();
    },
  };
}
