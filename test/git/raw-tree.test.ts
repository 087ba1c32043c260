/**
 * A range check lists each commit's directories through the cat-file stream it already has, not one `git ls-tree`
 * per commit: the listing must be exactly ls-tree's, whatever the names, modes and object format, and ls-tree must
 * answer where the stream cannot ask safely.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BlobStream } from '../../src/git/blob-stream.js';
import { treeContext } from '../../src/git/history.js';
import { rawTreeFiles } from '../../src/git/raw-tree.js';
import type { Repository } from '../../src/git/repository.js';
import { GitRunner } from '../../src/git/run.js';
import type { BlobEntry } from '../../src/git/tree-entries.js';
import { isolatedEnv, makeRepo, type TestRepo } from '../helpers/git-repo.js';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

const FILES = [
  'a.txt',
  'dir with space/x.txt',
  'dir with space/run.sh',
  'dir.txt',
  'dir/inner.txt',
  'ünïcode/ф.txt',
  'nested/.sops.yaml',
  'nested/deep/er/secrets.yaml',
  'trailing /z.txt',
];

function commitOddTree(r: TestRepo): string {
  for (const path of FILES) r.write(path, `${path}\n`);
  r.git('add', '.');
  r.git('update-index', '--chmod=+x', 'dir with space/run.sh');
  r.git('commit', '-q', '-m', 'first');
  const first = r.git('rev-parse', 'HEAD').trim();
  r.git('update-index', '--add', '--cacheinfo', `160000,${first},nested/submodule`);
  r.git('update-index', '--add', '--cacheinfo', `120000,${r.git('hash-object', '-w', 'a.txt').trim()},nested/link`);
  r.git('commit', '-q', '-m', 'odd modes');
  return r.git('rev-parse', 'HEAD').trim();
}

/** A repository whose git commands are counted; `refuse` makes them fail, to prove the stream answered alone. */
function repositoryOf(r: TestRepo, refuse = false): { repo: Repository; calls: string[][] } {
  const git = GitRunner.forCaller(r.dir, isolatedEnv());
  const calls: string[][] = [];
  const run = async (args: readonly string[]): Promise<string> => {
    calls.push([...args]);
    if (refuse) throw new Error('git ls-tree was not expected here');
    return git.run(args);
  };
  return { repo: { run } as unknown as Repository, calls };
}

const entries = (paths: readonly string[]): BlobEntry[] => paths.map((path) => ({ path, oid: '0'.repeat(40), mode: '100644' }));

async function bothWays(r: TestRepo, commit: string, changed: readonly string[], refuse: boolean) {
  const stream = new BlobStream(GitRunner.forCaller(r.dir, isolatedEnv()));
  try {
    const fast = repositoryOf(r, refuse);
    const viaStream = await treeContext(fast.repo, commit, entries(changed), stream);
    const viaLsTree = await treeContext(repositoryOf(r).repo, commit, entries(changed));
    return { viaStream, viaLsTree, spawned: fast.calls.length };
  } finally {
    stream.close();
  }
}

describe('treeContext through the cat-file stream', () => {
  for (const format of ['sha1', 'sha256']) {
    it(`lists what ls-tree lists, in its order, without a process (${format})`, async () => {
      repo = makeRepo({ init: false });
      repo.git('init', '-q', '--initial-branch', 'main', `--object-format=${format}`);
      const commit = commitOddTree(repo);
      const changed = FILES.filter((f) => !f.startsWith('trailing'));
      const { viaStream, viaLsTree, spawned } = await bothWays(repo, commit, [...changed, 'nested/link'], true);
      expect(spawned).toBe(0);
      expect(viaStream).toEqual(viaLsTree);
      expect(viaStream.map((e) => e.path)).toContain('dir with space/run.sh');
      expect(viaStream.find((e) => e.path === 'dir with space/run.sh')?.mode).toBe('100755');
      expect(viaStream.map((e) => e.path)).not.toContain('nested/submodule');
      expect(viaStream.map((e) => e.path)).not.toContain('nested/link');
    });
  }

  it('leaves to ls-tree a directory whose name git could read otherwise (trailing blank) or that is gone', async () => {
    repo = makeRepo();
    const commit = commitOddTree(repo);
    for (const changed of [['trailing /z.txt'], ['gone/file.txt'], ['a.txt/not-a-dir.txt']]) {
      const { viaStream, viaLsTree, spawned } = await bothWays(repo, commit, changed, false);
      expect(spawned, changed[0]).toBe(1);
      expect(viaStream).toEqual(viaLsTree);
    }
  });

  it('refuses a malformed tree object rather than guessing', () => {
    expect(rawTreeFiles(Buffer.from('100644 name-without-nul'), '', 20)).toBeUndefined();
    expect(rawTreeFiles(Buffer.from('1x0644 a\0' + 'x'.repeat(20)), '', 20)).toBeUndefined();
    expect(rawTreeFiles(Buffer.from('100664 old\0' + '\x01'.repeat(20), 'latin1'), 'd/', 20)).toEqual([
      { path: 'd/old', oid: '01'.repeat(20), mode: '100644' },
    ]);
  });
});
