/**
 * Commits and what they changed, for `check --range` (a pull request) and `pre-receive` (a push): every blob a
 * commit added or modified is checked, so a secret added in one commit and deleted in the next still fails.
 */
import { GitError } from '../errors.js';
import type { Repository } from './repository.js';
import { parseLsFiles, readRawRecord, type BlobEntry } from './tree-entries.js';

const ZERO_OID = /^0+$/;

export interface CommitChanges {
  readonly commit: string;
  readonly entries: readonly BlobEntry[];
}

/** The commits of `A..B` (or any rev-list range), oldest first, with a clear message on a shallow clone. */
export async function commitsInRange(repo: Repository, range: string): Promise<string[]> {
  if (range.startsWith('-')) throw new GitError(`invalid range "${range}"`);
  try {
    return lines(await repo.run(['rev-list', '--reverse', range, '--']));
  } catch (error) {
    const shallow = (await repo.run(['rev-parse', '--is-shallow-repository']).catch(() => '')).trim() === 'true';
    const hint = shallow ? ' (this is a shallow clone: fetch the base commit, e.g. actions/checkout with fetch-depth: 0)' : '';
    throw new GitError(`cannot resolve range ${range}: ${(error as Error).message.replace(/^git rev-list failed: /, '')}${hint}`);
  }
}

/** The commits a push brings that no existing ref reaches (new branches, updates and force pushes alike). */
export async function commitsInPush(repo: Repository, updates: ReadonlyArray<{ oldOid: string; newOid: string }>): Promise<string[]> {
  const tips = updates.filter((u) => !ZERO_OID.test(u.newOid)).map((u) => u.newOid); // a deletion brings nothing
  if (tips.length === 0) return [];
  return lines(await repo.run(['rev-list', '--reverse', '--topo-order', ...tips, '--not', '--all']));
}

/** Added, copied, modified or renamed blobs of each commit (root commits against the empty tree). */
export async function changesOf(repo: Repository, commits: readonly string[]): Promise<CommitChanges[]> {
  if (commits.length === 0) return [];
  const out = await repo.runWithInput(['diff-tree', '--stdin', '-r', '-z', '--raw', '-M', '--root', '--no-ext-diff', '--diff-filter=ACMR'], commits.join('\n') + '\n');
  const byCommit = new Map<string, BlobEntry[]>(commits.map((c) => [c, []]));
  const fields = out.split('\0');
  let current: BlobEntry[] | undefined;
  // Each commit id is followed by that commit's raw records.
  for (let i = 0; i < fields.length; ) {
    const field = fields[i]!;
    if (!field.startsWith(':')) {
      current = byCommit.get(field.trim());
      i++;
      continue;
    }
    const { entry, next } = readRawRecord(fields, i);
    if (entry) current?.push(entry);
    i = next;
  }
  return commits.map((commit) => ({ commit, entries: byCommit.get(commit) ?? [] }));
}

/**
 * The part of a commit's tree a check of `changed` needs: the entries of every directory on the way from the root
 * to each changed file (not recursive). That holds the files' siblings (encrypted twins), every `.sops.yaml` that
 * can govern them (the nearest one above a file), and the root's configs, without listing a 150,000-file tree
 * once per commit.
 */
export async function treeContext(repo: Repository, commit: string, changed: readonly BlobEntry[]): Promise<BlobEntry[]> {
  const dirs = new Set<string>(['./']);
  for (const { path } of changed) {
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) dirs.add(path.slice(0, slash + 1));
  }
  const out = await repo.run(['ls-tree', '-z', '--full-tree', commit, '--', ...[...dirs].map((d) => (d === './' ? d : `:(literal)${d}`))]);
  // ls-tree prints `mode type oid\tpath`; reshape into ls-files' `mode oid stage\tpath`.
  const records = out.split('\0').map((r) => {
    const tab = r.indexOf('\t');
    const [mode, type, oid] = r.slice(0, tab).split(' ');
    return tab < 0 || type !== 'blob' ? '' : `${mode} ${oid} 0\t${r.slice(tab + 1)}`;
  });
  return parseLsFiles(records.join('\0'));
}

function lines(out: string): string[] {
  return out.split('\n').map((l) => l.trim()).filter(Boolean);
}
