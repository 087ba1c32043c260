/** --range and pre-receive against real repositories and a real push into a bare repository with the hook. */
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { bareServer, commitFiles, preReceive } from '../helpers/git-history.js';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));
const track = (r: TestRepo) => (repos.push(r), r);

const commit = commitFiles;

const LEAK = 'TOKEN=abc123def456ghi\n';

describe('check --range', () => {
  it('reports a secret added in one commit and deleted in the next, with its commit', () => {
    const r = track(makeRepo());
    const base = commit(r, 'base', { 'README.md': '# app\n' });
    const added = commit(r, 'add env', { 'svc/.env': LEAK });
    commit(r, 'remove env', { 'svc/.env': null });
    const out = r.guard(['check', '--range', `${base}..HEAD`, '--format', 'json']);
    expect(out.status).toBe(1);
    const report = JSON.parse(out.stdout);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ path: 'svc/.env', ruleId: 'plaintext-env-file', commit: added });
    expect(r.guard(['check', '--range', `${added}..HEAD`]).status).toBe(0);
  });

  it('scans each added blob once and uses the config of each commit', () => {
    const r = track(makeRepo());
    const base = commit(r, 'base', { 'README.md': '# app\n' });
    commit(r, 'leak', { 'a/.env': LEAK });
    commit(r, 'touch', { 'README.md': '# app 2\n' });
    commit(r, 'allow fixtures', { '.secrets-guard.yaml': 'ignore: ["fixtures/**"]\n', 'fixtures/.env': LEAK });
    const report = JSON.parse(r.guard(['check', '--range', `${base}..HEAD`, '--format', 'json']).stdout);
    expect(report.findings.map((f: { path: string }) => f.path)).toEqual(['a/.env']);
  });

  it('github format annotates each finding over its span, titled with the tool and rule', () => {
    const r = track(makeRepo());
    const base = commit(r, 'base', { 'README.md': '# app\n' });
    commit(r, 'leak', { 'dir, with: comma/.env': LEAK });
    const out = r.guard(['check', '--range', `${base}..HEAD`, '--format', 'github']);
    expect(out.stdout).toMatch(
      /^::error file=dir%2C with%3A comma\/\.env,line=1,col=7,endLine=1,endColumn=22,title=secrets-guard plaintext-env-file::plaintext env file .*\(commit [0-9a-f]{12}\)$/m,
    );
  });

  it('says clearly when the base is missing from a shallow clone', () => {
    const origin = track(makeRepo());
    const first = commit(origin, 'one', { 'a.txt': '1\n' });
    commit(origin, 'two', { 'b.txt': '2\n' });
    const clone = track(makeRepo({ init: false }));
    clone.git('clone', '-q', '--depth', '1', `file://${origin.dir}`, '.');
    const out = clone.guard(['check', '--range', `${first}..HEAD`]);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/cannot resolve range .*shallow clone/);
  });
});

describe('pre-receive', () => {
  const server = () => track(bareServer());

  it('rejects a push that brings a secret, accepts clean pushes, force pushes and deletions', () => {
    const bare = server();
    const dev = track(makeRepo());
    dev.git('remote', 'add', 'origin', bare.dir);
    commit(dev, 'clean', { 'README.md': '# app\n' });
    expect(dev.tryGit('push', '-q', 'origin', 'main').status).toBe(0);

    commit(dev, 'leak', { '.env': LEAK });
    commit(dev, 'remove', { '.env': null });
    const rejected = dev.tryGit('push', 'origin', 'main');
    expect(rejected.status).not.toBe(0);
    expect(rejected.stderr).toMatch(/remote: .*plaintext-env-file/);
    expect(rejected.stderr).toMatch(/push rejected/);
    expect(bare.git('rev-parse', 'main').trim()).toBe(dev.git('rev-parse', 'HEAD~2').trim());

    dev.git('reset', '-q', '--hard', 'HEAD~2');
    commit(dev, 'clean again', { 'notes.txt': 'ok\n' });
    expect(dev.tryGit('push', '-q', 'origin', 'main').status).toBe(0);

    dev.git('checkout', '-q', '-b', 'feature');
    expect(dev.tryGit('push', '-q', 'origin', 'feature').status).toBe(0); // new branch, no new commits
    dev.git('commit', '-q', '--amend', '-m', 'rewritten', '--no-verify');
    expect(dev.tryGit('push', '-q', '--force', 'origin', 'feature').status).toBe(0);
    commit(dev, 'leak on feature', { 'k/.env': LEAK });
    expect(dev.tryGit('push', '-q', '--force', 'origin', 'feature').status).not.toBe(0);
    expect(dev.tryGit('push', '-q', 'origin', ':feature').status).toBe(0); // deletion
  });

  it('accepts empty input and rejects malformed input with exit 2', () => {
    const bare = server();
    expect(bare.guard(['pre-receive']).status).toBe(0); // no updates: nothing to check
    const bad = preReceive(bare.dir, 'not a ref update\n');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/expects "<old> <new> <ref>" lines/);
  });
});
