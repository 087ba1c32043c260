/**
 * A config change inside a range must not hide what the range's last commit still holds: commit 1 adds a leak and a
 * `.secrets-guard.yaml` that ignores it, commit 2 deletes the config. Each commit is judged under its own config,
 * and what the head still holds under the head's; the report says the range changed its configuration.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fake } from '../helpers/fake-tokens.js';
import { bareServer, commitFiles, devClone, findingsOf, jsonReport } from '../helpers/git-history.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));
const track = (r: TestRepo) => (repos.push(r), r);

const LEAK = `ci token: ${fake.github(51)}\n`;
const IGNORE_LEAK = 'ignore: ["leak.txt"]\n';

/** base, then [leak + config ignoring it], then [config deleted]. Returns the three commits. */
function configAddedThenRemoved(r: TestRepo): [string, string, string] {
  const base = commitFiles(r, 'base', { 'README.md': '# app\n' });
  const hide = commitFiles(r, 'add notes', { 'leak.txt': LEAK, '.secrets-guard.yaml': IGNORE_LEAK });
  const unhide = commitFiles(r, 'tidy', { '.secrets-guard.yaml': null });
  return [base, hide, unhide];
}

describe('a config that a range adds and then deletes', () => {
  it('does not hide the leak the head still holds from --range, and the report names the config changes', () => {
    const r = track(makeRepo());
    const [base, hide, unhide] = configAddedThenRemoved(r);
    const out = r.guard(['check', '--range', `${base}..HEAD`, '--format', 'json']);
    expect(out.status).toBe(1);
    const report = jsonReport(out.stdout);
    expect(report.findings).toContainEqual(expect.objectContaining({ path: 'leak.txt', ruleId: 'secretlint/github', commit: hide }));
    expect(report.summary.configChanges).toEqual([
      { path: '.secrets-guard.yaml', commit: hide, change: 'changed' },
      { path: '.secrets-guard.yaml', commit: unhide, change: 'deleted' },
    ]);
    const stylish = r.guard(['check', '--range', `${base}..HEAD`]).stdout;
    expect(stylish).toMatch(
      /note: configuration changed within the checked commits: \.secrets-guard\.yaml changed in [0-9a-f]{12}, \.secrets-guard\.yaml deleted in [0-9a-f]{12}/,
    );
  });

  it('does not hide it from a push', () => {
    const server = track(bareServer());
    const dev = track(devClone(server));
    commitFiles(dev, 'base', { 'README.md': '# app\n' });
    expect(dev.tryGit('push', '-q', 'origin', 'main').status).toBe(0);
    commitFiles(dev, 'add notes', { 'leak.txt': LEAK, '.secrets-guard.yaml': IGNORE_LEAK });
    commitFiles(dev, 'tidy', { '.secrets-guard.yaml': null });
    const push = dev.tryGit('push', 'origin', 'main');
    expect(push.status).not.toBe(0);
    expect(push.stderr).toMatch(/remote: leak\.txt [\s\S]*secretlint\/github/);
    expect(push.stderr).toMatch(/remote: note: configuration changed within the checked commits: \.secrets-guard\.yaml changed/);
  });

  it('does not hide it when a branch is moved onto commits the server already holds', () => {
    const server = track(bareServer());
    const dev = track(devClone(server));
    const [, hide, unhide] = configAddedThenRemoved(dev);
    expect(dev.tryGit('push', '-q', 'origin', `${hide}~1:refs/heads/main`).status).toBe(0);
    // The first commit on its own, under the config it carries, is accepted...
    expect(dev.tryGit('push', '-q', 'origin', `${hide}:refs/heads/staging`).status).toBe(0);
    // ...but main moving over both (old..new), onto a head with no such config, is not, though the server holds both.
    const moved = dev.tryGit('push', 'origin', `${unhide}:refs/heads/main`);
    expect(moved.status).not.toBe(0);
    expect(moved.stderr).toMatch(/remote: leak\.txt [\s\S]*secretlint\/github/);
  });

  it('reports a leak the head holds once, and names config changes at any depth', () => {
    const r = track(makeRepo());
    const base = commitFiles(r, 'base', { 'README.md': '# app\n' });
    const leak = commitFiles(r, 'leak', {
      'leak.txt': LEAK,
      'svc/.sops.yaml': 'creation_rules:\n  - path_regex: nothing$\n    age: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\n',
    });
    commitFiles(r, 'docs', { 'README.md': '# app 2\n' });
    const report = jsonReport(r.guard(['check', '--range', `${base}..HEAD`, '--format', 'json']).stdout);
    expect(findingsOf(report).filter((f) => f.startsWith('leak.txt '))).toEqual(['leak.txt secretlint/github']);
    expect(report.summary.configChanges).toEqual([{ path: 'svc/.sops.yaml', commit: leak, change: 'changed' }]);
  });
});
