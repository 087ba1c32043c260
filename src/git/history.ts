/**
 * Commits and what they brought, for `check --range` (a pull request) and `pre-receive` (a push): every blob a
 * commit added or modified is checked, so a secret added in one commit and deleted in the next still fails.
 */
import { GitError } from '../errors.js';
import type { BlobStream } from './blob-stream.js';
import { listDirectories } from './raw-tree.js';
import type { Repository } from './repository.js';
import { fileOf, isFileMode, parseLsTree, readRawRecord, type BlobEntry, type RawRecord } from './tree-entries.js';

const ZERO_OID = /^0+$/;

/** The id git gives a ref that does not exist yet, or no longer: all zeros (40 digits, 64 in SHA-256 repositories). */
export function isZeroOid(oid: string): boolean {
  return ZERO_OID.test(oid);
}

export interface HistoryCommit {
  readonly commit: string;
  readonly parents: readonly string[];
}

export interface CommitChanges {
  readonly commit: string;
  /** Files the commit brought: blobs its tree holds at a path where none of its parents holds that file. */
  readonly entries: readonly BlobEntry[];
  /** Paths where every parent holds a file and the commit none (deleted, or replaced by a symlink or a submodule). */
  readonly removed: readonly string[];
}

/** The commits of `A..B` (or any rev-list range), oldest first, with a clear message on a shallow clone. */
export async function commitsInRange(repo: Repository, range: string): Promise<HistoryCommit[]> {
  if (range.startsWith('-')) throw new GitError(`invalid range "${range}"`);
  try {
    return await revList(repo, [range, '--']);
  } catch (error) {
    const shallow = (await repo.run(['rev-parse', '--is-shallow-repository']).catch(() => '')).trim() === 'true';
    const hint = shallow ? ' (this is a shallow clone: fetch the base commit, e.g. actions/checkout with fetch-depth: 0)' : '';
    throw new GitError(`cannot resolve range ${range}: ${(error as Error).message.replace(/^git rev-list failed: /, '')}${hint}`);
  }
}

/** Commits `rev-list` selects with `args` (object ids, `^excluded`, `--not --all`), parents before children. */
export async function revList(repo: Repository, args: readonly string[]): Promise<HistoryCommit[]> {
  const out = await repo.run(['rev-list', '--reverse', '--topo-order', '--parents', ...args]);
  return lines(out).map((line) => {
    const [commit = '', ...parents] = line.split(' ');
    return { commit, parents };
  });
}

/** Each commit against each of its parents (root commits against the empty tree), deletions and type changes included. */
const DIFF_EACH = ['diff-tree', '--stdin', '--always', '-r', '-z', '--raw', '--no-renames', '--root', '--no-ext-diff', '--diff-filter=ACDMT'];

/** What each commit brought (see broughtBy), in the order given. */
export async function changesOf(repo: Repository, commits: readonly HistoryCommit[]): Promise<CommitChanges[]> {
  if (commits.length === 0) return [];
  // `<merge> <parent>` diffs a merge against that one parent; `--always` answers every line, even with no change,
  // so the answers line up with the requests.
  const requests = commits.flatMap(({ commit, parents }) => (parents.length > 1 ? parents.map((p) => `${commit} ${p}`) : [commit]));
  const diffs = diffBlocks(await repo.runWithInput(DIFF_EACH, requests.join('\n') + '\n'));
  if (diffs.length !== requests.length) throw new GitError(`git diff-tree answered ${diffs.length} of ${requests.length} requests`);
  let next = 0;
  return commits.map(({ commit, parents }) => {
    const own = diffs.slice(next, (next += Math.max(1, parents.length)));
    if (own.some((d) => d.header !== commit)) throw new GitError(`git diff-tree answered out of order at ${commit}`);
    return broughtBy(
      commit,
      own.map((d) => d.records),
    );
  });
}

/** `--stdin --always` output: each request's commit id, then its raw records. */
function diffBlocks(out: string): Array<{ header: string; records: RawRecord[] }> {
  const fields = out.split('\0');
  const blocks: Array<{ header: string; records: RawRecord[] }> = [];
  for (let i = 0; i < fields.length;) {
    const field = fields[i]!;
    if (!field.startsWith(':')) {
      if (field.trim() !== '') blocks.push({ header: field.trim(), records: [] });
      i++;
      continue;
    }
    const { record, next } = readRawRecord(fields, i);
    const block = blocks.at(-1);
    if (!block) throw new GitError('git diff-tree printed a change before its commit');
    block.records.push(record);
    i = next;
  }
  return blocks;
}

/**
 * A commit's own content, from its diff against each parent: the paths every one of those diffs lists. For an
 * ordinary commit that is its diff; for a merge it is what no parent holds at that path, the text of an "evil
 * merge" or of a conflict resolved by hand, and not what the merge took from one side as it was.
 */
function broughtBy(commit: string, diffs: ReadonlyArray<readonly RawRecord[]>): CommitChanges {
  const [first = [], ...others] = diffs.map((records) => records.filter(changesContent));
  const inOthers = others.map((records) => new Set(records.map((r) => r.path)));
  const entries: BlobEntry[] = [];
  const removed: string[] = [];
  for (const record of first) {
    if (!inOthers.every((paths) => paths.has(record.path))) continue;
    const entry = fileOf(record);
    if (entry) entries.push(entry);
    else if (record.status !== 'A' && isFileMode(record.oldMode)) removed.push(record.path);
  }
  return { commit, entries, removed };
}

/** A mode change alone (chmod +x) brings no new content; a symlink or submodule that becomes a file does. */
function changesContent(record: RawRecord): boolean {
  return record.oldOid !== record.newOid || isFileMode(record.oldMode) !== isFileMode(record.newMode);
}

/**
 * The part of a commit's tree a check of `changed` needs: the entries of every directory on the way from the root
 * to each changed file (not recursive). That holds the files' siblings (encrypted twins), every `.sops.yaml` that
 * can govern them (the nearest one above a file), and the root's configs, without listing a 150,000-file tree
 * once per commit.
 */
export async function treeContext(repo: Repository, commit: string, changed: readonly BlobEntry[], stream?: BlobStream): Promise<BlobEntry[]> {
  const dirs = new Set<string>(['./']);
  for (const { path } of changed) {
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) dirs.add(path.slice(0, slash + 1));
  }
  const listed = stream && (await listDirectories(stream, commit, dirs));
  if (listed) return listed;
  return parseLsTree(await repo.run(['ls-tree', '-z', '--full-tree', commit, '--', ...[...dirs].map((d) => (d === './' ? d : `:(literal)${d}`))]));
}

function lines(out: string): string[] {
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}
