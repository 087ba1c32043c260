/**
 * A symlink replaced by a regular file is a type change (status T), not a modification: the file's content must be
 * read like any other in a staged check, a range and a push. The other way round (a file replaced by a symlink)
 * leaves no file content behind: nothing to read, and nothing may crash.
 */
import { symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fake } from '../helpers/fake-tokens.js';
import { bareServer, commitFiles, devClone, findingsOf, jsonReport } from '../helpers/git-history.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));
const track = (r: TestRepo) => (repos.push(r), r);

const LEAK = `deploy token: ${fake.github(11)}\n`;

/** Commits `link.txt` as a symlink; returns the commit before it. */
function commitSymlink(r: TestRepo): string {
  const base = commitFiles(r, 'base', { 'README.md': '# app\n', 'target.txt': 'plain\n' });
  symlinkSync('target.txt', join(r.dir, 'link.txt'));
  commitFiles(r, 'add symlink', {});
  return base;
}

/** Replaces the symlink by a regular file holding a token, staged. */
function stageFileForSymlink(r: TestRepo): void {
  unlinkSync(join(r.dir, 'link.txt'));
  r.write('link.txt', LEAK);
  r.git('add', 'link.txt');
  expect(r.git('diff', '--cached', '--name-status')).toMatch(/^T\tlink\.txt$/m);
}

describe('a symlink replaced by a regular file', () => {
  it('is read in a staged check', () => {
    const r = track(makeRepo());
    commitSymlink(r);
    stageFileForSymlink(r);
    const staged = r.guard(['check', '--format', 'json']);
    expect(staged.status).toBe(1);
    expect(findingsOf(jsonReport(staged.stdout))).toContain('link.txt secretlint/github');
  });

  it('is read in a range', () => {
    const r = track(makeRepo());
    const base = commitSymlink(r);
    stageFileForSymlink(r);
    const changed = commitFiles(r, 'symlink becomes a file', {});
    const range = r.guard(['check', '--range', `${base}..HEAD`, '--format', 'json']);
    expect(range.status).toBe(1);
    expect(jsonReport(range.stdout).findings).toContainEqual(expect.objectContaining({ path: 'link.txt', ruleId: 'secretlint/github', commit: changed }));
  });

  it('is read in a push', () => {
    const server = track(bareServer());
    const dev = track(devClone(server));
    commitSymlink(dev);
    expect(dev.tryGit('push', '-q', 'origin', 'main').status).toBe(0);
    stageFileForSymlink(dev);
    commitFiles(dev, 'symlink becomes a file', {});
    const push = dev.tryGit('push', 'origin', 'main');
    expect(push.status).not.toBe(0);
    expect(push.stderr).toMatch(/remote: link\.txt [\s\S]*secretlint\/github/);
  });
});

describe('a regular file replaced by a symlink', () => {
  it('has no file content to read: staged, range and push pass without a crash', () => {
    const server = track(bareServer());
    const dev = track(devClone(server));
    const base = commitFiles(dev, 'base', { 'README.md': '# app\n', 'notes.txt': 'plain\n' });
    expect(dev.tryGit('push', '-q', 'origin', 'main').status).toBe(0);
    unlinkSync(join(dev.dir, 'notes.txt'));
    symlinkSync('README.md', join(dev.dir, 'notes.txt'));
    dev.git('add', 'notes.txt');
    expect(dev.git('diff', '--cached', '--name-status')).toMatch(/^T\tnotes\.txt$/m);
    expect(dev.guard(['check']).status).toBe(0);
    commitFiles(dev, 'file becomes a symlink', {});
    expect(dev.guard(['check', '--range', `${base}..HEAD`]).status).toBe(0);
    expect(dev.tryGit('push', '-q', 'origin', 'main').status).toBe(0);
  });
});
