/**
 * A ref may name a tree directly (a lightweight or an annotated tag): its files are in the repository with no commit
 * that brings them. pre-receive reads every file of the tree as `<ref>:<path>`, judged by the defaults alone: a
 * tree that carries its own `.secrets-guard.yaml` ignoring everything is no commit of the project, and its config
 * is not trusted. Annotated tags of commits are peeled to the commit; refs to trees and blobs already on the server
 * and deletions do not disturb later pushes.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { fake } from '../helpers/fake-tokens.js';
import { bareServer, commitFiles, devClone, preReceive } from '../helpers/git-history.js';
import { isolatedEnv, type TestRepo } from '../helpers/git-repo.js';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));
const track = (r: TestRepo) => (repos.push(r), r);

const LEAK = `TOKEN=${fake.github(71)}\n`;

function serverAndDev(): { server: TestRepo; dev: TestRepo } {
  const server = track(bareServer());
  const dev = track(devClone(server));
  commitFiles(dev, 'base', { 'README.md': '# app\n' });
  expect(dev.tryGit('push', '-q', 'origin', 'main').status).toBe(0);
  return { server, dev };
}

/** A tree (in no commit) whose own `.secrets-guard.yaml` ignores everything and turns the rules off. */
function hostileTree(dev: TestRepo): string {
  const git = (args: string[], input: string) => execFileSync('git', args, { cwd: dev.dir, env: isolatedEnv(), input, encoding: 'utf8' }).trim();
  const config = git(['hash-object', '-w', '--stdin'], 'ignore: ["**"]\nrules:\n  secretlint: off\n  plaintext-env-file: off\n');
  const env = git(['hash-object', '-w', '--stdin'], LEAK);
  const app = git(['mktree'], `100644 blob ${env}\t.env\n`);
  return git(['mktree'], `100644 blob ${config}\t.secrets-guard.yaml\n040000 tree ${app}\tapp\n`);
}

describe('pre-receive and a ref to a tree', () => {
  it('reads every file of a tree named by a lightweight tag, ignoring the config the tree carries', () => {
    const { dev, server } = serverAndDev();
    dev.git('tag', 'tree-tag', hostileTree(dev));
    const push = dev.tryGit('push', 'origin', 'refs/tags/tree-tag');
    expect(push.status).not.toBe(0);
    expect(push.stderr).toMatch(/remote: refs\/tags\/tree-tag:app\/\.env[\s\S]*secretlint\/github/);
    expect(server.tryGit('rev-parse', '--verify', '-q', 'refs/tags/tree-tag').status).not.toBe(0);
  });

  it('reads a tree named by an annotated tag', () => {
    const { dev } = serverAndDev();
    dev.git('tag', '-a', '-m', 'a tree', 'tree-release', hostileTree(dev));
    const push = dev.tryGit('push', 'origin', 'refs/tags/tree-release');
    expect(push.status).not.toBe(0);
    expect(push.stderr).toMatch(/remote: refs\/tags\/tree-release:app\/\.env[\s\S]*secretlint\/github/);
  });
});

describe('pre-receive and other ref shapes', () => {
  it('peels an annotated tag of a commit on no branch to that commit', () => {
    const { dev } = serverAndDev();
    dev.git('checkout', '-q', '--detach');
    commitFiles(dev, 'release notes', { 'release/.env': LEAK });
    dev.git('tag', '-a', '-m', 'release', 'v1');
    const push = dev.tryGit('push', 'origin', 'refs/tags/v1');
    expect(push.status).not.toBe(0);
    expect(push.stderr).toMatch(/remote: release\/\.env [\s\S]*plaintext-env-file/);
  });

  it('scans nothing for a deleted ref, and later pushes work beside refs to trees and blobs', () => {
    const { dev, server } = serverAndDev();
    // A clean blob and a clean tree under tags: accepted, and then part of every `--not --all` of later pushes.
    dev.write('clean.txt', 'clean\n');
    const blob = dev.git('hash-object', '-w', 'clean.txt').trim();
    dev.git('tag', 'clean-blob', blob);
    dev.git('tag', 'clean-tree', 'HEAD^{tree}');
    expect(dev.tryGit('push', '-q', 'origin', 'refs/tags/clean-blob', 'refs/tags/clean-tree').status).toBe(0);
    const deletion = preReceive(server.dir, `${blob} ${'0'.repeat(40)} refs/tags/clean-blob\n`);
    expect(deletion.status).toBe(0);
    expect(deletion.stderr).toMatch(/no secrets found in 0 file/);
    expect(dev.tryGit('push', '-q', 'origin', ':refs/tags/clean-tree').status).toBe(0);
    commitFiles(dev, 'more', { 'notes.txt': 'ok\n' });
    expect(dev.tryGit('push', '-q', 'origin', 'main').status).toBe(0);
    commitFiles(dev, 'leak', { 'svc/.env': LEAK });
    expect(dev.tryGit('push', '-q', 'origin', 'main').status).not.toBe(0);
  });
});
