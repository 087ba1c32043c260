/**
 * SHA-256 repositories have their own empty tree and 64-digit ids: the first commit's staged check, `--all`,
 * `--range` from the root, and a push of a new branch (old id: 64 zeros) and a deletion must all work.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fake } from '../helpers/fake-tokens.js';
import { bareServer, commitFiles, devClone, findingsOf, jsonReport, preReceive } from '../helpers/git-history.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));
const track = (r: TestRepo) => (repos.push(r), r);

const LEAK = `TOKEN=${fake.github(81)}\n`;

function sha256Repo(): TestRepo {
  const r = track(makeRepo({ init: false }));
  r.git('init', '-q', '--initial-branch', 'main', '--object-format=sha256');
  return r;
}

describe('a SHA-256 repository', () => {
  it('checks the staged files of its first commit', () => {
    const r = sha256Repo();
    r.write('app/.env', LEAK);
    r.git('add', '-A');
    const out = r.guard(['check', '--format', 'json']);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(1);
    expect(findingsOf(jsonReport(out.stdout))).toContain('app/.env secretlint/github');
  });

  it('checks every tracked file, and a range from the root commit', () => {
    const r = sha256Repo();
    const root = commitFiles(r, 'first', { 'app/.env': LEAK });
    expect(root).toMatch(/^[0-9a-f]{64}$/);
    commitFiles(r, 'second', { 'README.md': '# app\n' });
    expect(r.guard(['check', '--all']).status).toBe(1);
    const range = r.guard(['check', '--range', 'HEAD', '--format', 'json']);
    expect(range.status).toBe(1);
    expect(jsonReport(range.stdout).findings).toContainEqual(expect.objectContaining({ path: 'app/.env', ruleId: 'secretlint/github', commit: root }));
  });

  it('checks a push of a new branch (old id: 64 zeros), and a deletion (new id: 64 zeros) scans nothing', () => {
    const server = track(bareServer('sha256'));
    const dev = track(devClone(server, 'sha256'));
    commitFiles(dev, 'first', { 'app/.env': LEAK });
    const push = dev.tryGit('push', 'origin', 'main');
    expect(push.status).not.toBe(0);
    expect(push.stderr).toMatch(/remote: app\/\.env [\s\S]*secretlint\/github/);

    dev.git('update-ref', '-d', 'HEAD'); // start again with a clean first commit
    dev.git('rm', '-q', '-f', 'app/.env');
    const clean = commitFiles(dev, 'clean first', { 'README.md': '# app\n' });
    expect(dev.tryGit('push', '-q', 'origin', 'main', 'main:refs/heads/topic').status).toBe(0);
    expect(dev.tryGit('push', '-q', 'origin', ':refs/heads/topic').status).toBe(0);
    const deletion = preReceive(server.dir, `${clean} ${'0'.repeat(64)} refs/heads/main\n`);
    expect(deletion.status).toBe(0);
    expect(deletion.stderr).toMatch(/no secrets found in 0 file/);
  });
});
