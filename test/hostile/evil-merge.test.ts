/**
 * A merge commit's own content (an "evil merge": a file or a line no parent has) must be read in a range and a
 * push, for two-parent and octopus merges alike; what a merge only takes from one side is not its own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fake } from '../helpers/fake-tokens.js';
import { bareServer, commitFiles, devClone, findingsOf, jsonReport } from '../helpers/git-history.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));
const track = (r: TestRepo) => (repos.push(r), r);

const LEAK = `stripe: ${fake.stripe(31)}\n`;

/** main and side each change their own file; the merge adds a token file neither has. Returns [base, merge]. */
function evilMerge(r: TestRepo): [string, string] {
  const base = commitFiles(r, 'base', { 'README.md': '# app\n', 'a.txt': 'a\n', 'b.txt': 'b\n' });
  r.git('checkout', '-q', '-b', 'side');
  commitFiles(r, 'side', { 'b.txt': 'b from side\n' });
  r.git('checkout', '-q', 'main');
  commitFiles(r, 'main', { 'a.txt': 'a from main\n' });
  r.git('merge', '-q', '--no-ff', '--no-commit', 'side');
  r.write('config/payments.yaml', LEAK);
  r.git('add', 'config/payments.yaml');
  r.git('commit', '-qm', 'merge side', '--no-verify');
  return [base, r.git('rev-parse', 'HEAD').trim()];
}

/** Three branches merged at once with `commit-tree`, whose tree adds a token file none of them has. */
function evilOctopus(r: TestRepo): [string, string] {
  const base = commitFiles(r, 'base', { 'README.md': '# app\n' });
  const tips = ['one', 'two', 'three'].map((name) => {
    r.git('checkout', '-q', '-b', name, base);
    return commitFiles(r, name, { [`${name}.txt`]: `${name}\n` });
  });
  r.git('checkout', '-q', 'main');
  r.git('read-tree', '-m', tips[0]!);
  for (const name of ['one', 'two', 'three']) r.git('checkout', '-q', name, '--', `${name}.txt`);
  r.write('payments.yaml', LEAK);
  r.git('add', '-A');
  const tree = r.git('write-tree').trim();
  const merge = r.git('commit-tree', tree, ...tips.flatMap((t) => ['-p', t]), '-m', 'octopus').trim();
  r.git('reset', '-q', '--hard', merge);
  return [base, merge];
}

describe('an evil merge', () => {
  it('is read in a range', () => {
    const r = track(makeRepo());
    const [base, merge] = evilMerge(r);
    const out = r.guard(['check', '--range', `${base}..HEAD`, '--format', 'json']);
    expect(out.status).toBe(1);
    const report = jsonReport(out.stdout);
    expect(findingsOf(report)).toEqual(['config/payments.yaml secretlint/stripe']);
    expect(report.findings[0]!.commit).toBe(merge);
  });

  it('is not what the merge takes from a side: merging main into a branch does not report what main holds', () => {
    const r = track(makeRepo());
    const base = commitFiles(r, 'base', { 'README.md': '# app\n' });
    r.git('checkout', '-q', '-b', 'feature');
    commitFiles(r, 'feature work', { 'feature.txt': 'work\n' });
    r.git('checkout', '-q', 'main');
    commitFiles(r, 'legacy', { 'legacy/notes.txt': LEAK });
    r.git('checkout', '-q', 'feature');
    r.git('merge', '-q', '--no-ff', '--no-edit', 'main');
    expect(r.guard(['check', '--range', `${base}..main`]).status).toBe(1); // main's own commit does hold it
    const out = r.guard(['check', '--range', 'main..feature', '--format', 'json']);
    expect(jsonReport(out.stdout).findings).toEqual([]);
    expect(out.status).toBe(0);
  });

  it('is read in a push', () => {
    const server = track(bareServer());
    const dev = track(devClone(server));
    evilMerge(dev);
    const push = dev.tryGit('push', 'origin', 'main', 'side');
    expect(push.status).not.toBe(0);
    expect(push.stderr).toMatch(/remote: config\/payments\.yaml [\s\S]*secretlint\/stripe/);
  });

  it('is read in an octopus merge, in a range and a push', () => {
    const server = track(bareServer());
    const dev = track(devClone(server));
    const [base, merge] = evilOctopus(dev);
    expect(dev.git('rev-list', '--parents', '-n', '1', merge).trim().split(' ')).toHaveLength(4);
    const out = dev.guard(['check', '--range', `${base}..HEAD`, '--format', 'json']);
    expect(out.status).toBe(1);
    expect(jsonReport(out.stdout).findings).toEqual([expect.objectContaining({ path: 'payments.yaml', ruleId: 'secretlint/stripe', commit: merge })]);
    const push = dev.tryGit('push', 'origin', 'main');
    expect(push.status).not.toBe(0);
    expect(push.stderr).toMatch(/remote: payments\.yaml [\s\S]*secretlint\/stripe/);
  });
});
