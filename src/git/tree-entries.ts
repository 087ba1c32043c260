/**
 * Which blobs a scan reads: the files a commit would add or change (staged mode) or every tracked file (--all).
 * Parses git's NUL-separated output, so names with spaces, newlines or non-ASCII characters arrive intact.
 */
import type { Repository } from './repository.js';

export interface BlobEntry {
  /** Repository-relative path with `/` separators, exactly as git stores it. */
  readonly path: string;
  readonly oid: string;
  readonly mode: string;
}

const GITLINK = '160000';
const SYMLINK = '120000';

/**
 * Submodules and the target text of symlinks are not file content. A path whose type changes (a symlink or a
 * submodule replaced by a file, status T) is file content again from then on, and is read like any other file.
 */
export function isFileMode(mode: string): boolean {
  return mode !== GITLINK && mode !== SYMLINK;
}

/**
 * Added, copied, modified, renamed or type-changed files in the index (respecting GIT_INDEX_FILE), before or after
 * the first commit.
 */
export async function stagedEntries(repo: Repository): Promise<BlobEntry[]> {
  return parseRawDiff(await repo.run(stagedListing(repo.hasHead ? 'HEAD' : await emptyTree(repo))));
}

/** diff-index prints paths from the top level whatever the working directory, so this may be started anywhere. */
export function stagedListing(base: string): string[] {
  return ['diff-index', '--cached', '--raw', '-z', '-M', '--no-ext-diff', '--diff-filter=ACMRT', base];
}

/** The empty tree's id in the repository's own object format (SHA-1 and SHA-256 repositories differ). */
async function emptyTree(repo: Repository): Promise<string> {
  return (await repo.runWithInput(['hash-object', '-t', 'tree', '--stdin'], '')).trim();
}

/**
 * `ls-files --stage` of the index entries matching `pathspecs`. `--full-name` and `:(top)` make the answer the same
 * from any directory of the work tree, so the listing may be started before the top level is known.
 */
export function indexListing(pathspecs: readonly string[]): string[] {
  return ['ls-files', '--stage', '-z', '--full-name', '--', ...pathspecs];
}

/** Every entry of the index. */
export const WHOLE_INDEX_LISTING = indexListing([':(top)']);

/** One record of `--raw` diff output: the path's old and new mode and object, and git's status letter. */
export interface RawRecord {
  readonly status: string;
  readonly oldMode: string;
  readonly newMode: string;
  readonly oldOid: string;
  readonly newOid: string;
  /** The new path (the only one but for renames and copies). */
  readonly path: string;
}

/**
 * Reads one `:old new oldOid newOid STATUS\0path\0` record of `--raw -z` output starting at `fields[i]`; renames
 * and copies carry a second path, the new one. Returns the record and the index of the next field. Shared by the
 * staged listing and the per-commit listing of a range.
 */
export function readRawRecord(fields: readonly string[], i: number): { record: RawRecord; next: number } {
  const [oldMode = '', newMode = '', oldOid = '', newOid = '', status = ''] = (fields[i] ?? '').slice(1).split(' ');
  let next = i + 1;
  let path = fields[next++] ?? '';
  if (status.startsWith('R') || status.startsWith('C')) path = fields[next++] ?? '';
  return { record: { status, oldMode, newMode, oldOid, newOid, path }, next };
}

/** The file a record leaves behind, if any: none for a deletion, a submodule or a symlink. */
export function fileOf(record: RawRecord): BlobEntry | undefined {
  const { status, newMode, newOid, path } = record;
  return status !== 'D' && isFileMode(newMode) ? { path, oid: newOid, mode: newMode } : undefined;
}

export function parseRawDiff(out: string): BlobEntry[] {
  const fields = out.split('\0');
  const entries: BlobEntry[] = [];
  for (let i = 0; i < fields.length - 1;) {
    const { record, next } = readRawRecord(fields, i);
    const entry = fileOf(record);
    if (entry) entries.push(entry);
    i = next;
  }
  return entries;
}

/** Every tracked file in the index, for repository-lint mode. Conflicted paths contribute each staged version once. */
export async function trackedEntries(repo: Repository): Promise<BlobEntry[]> {
  return parseLsFiles(await repo.run(WHOLE_INDEX_LISTING));
}

/** `mode oid stage\tpath\0` records. */
function parseLsFiles(out: string): BlobEntry[] {
  const entries: BlobEntry[] = [];
  // Only a conflicted path (stage 1-3) appears more than once; a set over every path would cost a string per file.
  const conflicted = new Set<string>();
  // Walked with indexOf rather than split: on a 150,000-file index, split's intermediate strings and arrays were
  // the largest transient allocation of a whole --all run.
  for (let start = 0; start < out.length;) {
    let end = out.indexOf('\0', start);
    if (end === -1) end = out.length;
    const tab = out.indexOf('\t', start);
    if (tab !== -1 && tab < end) {
      const firstSpace = out.indexOf(' ', start);
      const secondSpace = out.indexOf(' ', firstSpace + 1);
      const mode = internMode(out.slice(start, firstSpace));
      const oid = out.slice(firstSpace + 1, secondSpace);
      const path = out.slice(tab + 1, end);
      const staged = out.charCodeAt(secondSpace + 1) === 48; /* '0' */
      if (isFileMode(mode) && (staged || !seenConflict(conflicted, path, oid))) entries.push({ path, oid, mode });
    }
    start = end + 1;
  }
  return entries;
}

/** `mode type oid\tpath\0` records of `ls-tree -z`: the blobs among them (not trees, submodules or symlinks). */
export function parseLsTree(out: string): BlobEntry[] {
  // Reshaped into ls-files' `mode oid stage\tpath`, so one parser serves both.
  const records = out.split('\0').map((r) => {
    const tab = r.indexOf('\t');
    const [mode, type, oid] = r.slice(0, tab).split(' ');
    return tab < 0 || type !== 'blob' ? '' : `${mode} ${oid} 0\t${r.slice(tab + 1)}`;
  });
  return parseLsFiles(records.join('\0'));
}

function seenConflict(conflicted: Set<string>, path: string, oid: string): boolean {
  const key = `${path}\0${oid}`;
  if (conflicted.has(key)) return true;
  conflicted.add(key);
  return false;
}

const MODES = new Map<string, string>();
/** Modes repeat across the whole index; one string each instead of one per file. */
function internMode(mode: string): string {
  let interned = MODES.get(mode);
  if (!interned) MODES.set(mode, (interned = mode));
  return interned;
}

/** Glob magic in a literal directory name, escaped for a `:(glob)` pathspec. */
function escapeGlob(path: string): string {
  return path.replace(/[*?[\]\\]/g, '\\$&');
}

/*
 * The part of the index a staged check needs besides the staged files: the configs (the named support files at the
 * root and every `.sops.yaml`) and the siblings of the staged files (their encrypted twins). Listing only that
 * keeps a 10-file commit in a 150,000-file repository far cheaper than a full listing.
 */

export function configPathspecs(supportFiles: readonly string[]): string[] {
  return [...supportFiles.map((f) => `:(top,literal)${f}`), ':(top,glob)**/.sops.yaml', ':(top,glob)**/.sops.yml'];
}

export function siblingPathspecs(staged: readonly BlobEntry[]): string[] {
  const dirs = new Set(staged.map((e) => e.path.slice(0, Math.max(0, e.path.lastIndexOf('/')))));
  return [...dirs].map((d) => `:(top,glob)${d ? `${escapeGlob(d)}/` : ''}*`);
}

/** Index entries matching `pathspecs`; none at all, not the whole index, for an empty list. */
export async function indexEntriesMatching(repo: Repository, pathspecs: readonly string[]): Promise<BlobEntry[]> {
  if (pathspecs.length === 0) return [];
  return parseLsFiles(await repo.run(indexListing(pathspecs)));
}

/** Every path in the index, from the top level whatever the working directory (see indexListing). */
export const INDEX_PATHS_LISTING = ['ls-files', '-z', '--full-name', '--', ':(top)'];

/** All paths in the index, for rules that ask whether a sibling exists (paths mode). */
export async function indexPaths(repo: Repository): Promise<string[]> {
  return (await repo.run(INDEX_PATHS_LISTING)).split('\0').filter((p) => p !== '');
}
