/**
 * A submodule (a gitlink, mode 160000) replaced by a regular file at the same path is a type change (status T):
 * the file's content must be read in a staged check, a range and a push.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fake } from '../helpers/fake-tokens.js';
import { bareServer, commitFiles, devClone, findingsOf, jsonReport } from '../helpers/git-history.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));
const track = (r: TestRepo) => (repos.push(r), r);

const LEAK = `SLACK_BOT_TOKEN: ${fake.slackBot(21)}\n`;

/** Commits a gitlink at `vendor/lib` (pointing at the base commit itself: no submodule repository needed). */
function commitGitlink(r: TestRepo): string {
  const base = commitFiles(r, 'base', { 'README.md': '# app\n' });
  r.git('update-index', '--add', '--cacheinfo', `160000,${base},vendor/lib`);
  r.git('commit', '-qm', 'add submodule', '--no-verify');
  return base;
}

/** Replaces the gitlink by a regular file holding a token, staged. */
function stageFileForGitlink(r: TestRepo): void {
  r.git('rm', '-q', '--cached', 'vendor/lib');
  r.write('vendor/lib', LEAK);
  r.git('add', 'vendor/lib');
  expect(r.git('diff', '--cached', '--name-status')).toMatch(/^T\tvendor\/lib$/m);
}

describe('a submodule replaced by a regular file', () => {
  it('is read in a staged check', () => {
    const r = track(makeRepo());
    commitGitlink(r);
    stageFileForGitlink(r);
    const staged = r.guard(['check', '--format', 'json']);
    expect(staged.status).toBe(1);
    expect(findingsOf(jsonReport(staged.stdout))).toContain('vendor/lib secretlint/slack');
  });

  it('is read in a range', () => {
    const r = track(makeRepo());
    const base = commitGitlink(r);
    stageFileForGitlink(r);
    const changed = commitFiles(r, 'submodule becomes a file', {});
    const range = r.guard(['check', '--range', `${base}..HEAD`, '--format', 'json']);
    expect(range.status).toBe(1);
    expect(jsonReport(range.stdout).findings).toContainEqual(expect.objectContaining({ path: 'vendor/lib', ruleId: 'secretlint/slack', commit: changed }));
  });

  it('is read in a push', () => {
    const server = track(bareServer());
    const dev = track(devClone(server));
    commitGitlink(dev);
    expect(dev.tryGit('push', '-q', 'origin', 'main').status).toBe(0);
    stageFileForGitlink(dev);
    commitFiles(dev, 'submodule becomes a file', {});
    const push = dev.tryGit('push', 'origin', 'main');
    expect(push.status).not.toBe(0);
    expect(push.stderr).toMatch(/remote: vendor\/lib [\s\S]*secretlint\/slack/);
  });
});
