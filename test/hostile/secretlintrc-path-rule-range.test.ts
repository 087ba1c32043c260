/**
 * --range judges content from commits (a pull request), not the developer's work tree: a `.secretlintrc` it
 * brings loads no module at all, path or package; the bundled preset still runs, and the report says what was not
 * loaded. With --allow-secretlintrc-modules, installed packages load, and a path is still a configuration error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { evilRule, pathIds, type EvilRule } from '../helpers/evil-secretlint-rule.js';
import { fake } from '../helpers/fake-tokens.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { PUBLISHED_IDENTITY } from '../helpers/published-age-key.js';

let repo: TestRepo;
let evil: EvilRule;
afterEach(() => {
  repo?.cleanup();
  evil?.cleanup();
});

describe('a .secretlintrc rule named by a path, in a pull request', () => {
  it('never runs: --range loads only the bundled preset, with a note; allowed modules still exclude paths', () => {
    repo = makeRepo();
    evil = evilRule();
    repo.write('README.md', '# app\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'base', '--no-verify');
    repo.write('evil.js', evil.commonJs); // checked out in the CI job's work tree, as a pull request's files are
    repo.write('.secretlintrc.json', JSON.stringify({ rules: pathIds(repo.dir, evil).map((id) => ({ id })) }));
    repo.write('src/client.ts', `export const token = "${fake.github()}";\n`);
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'pull request', '--no-verify');

    const out = repo.guard(['check', '--range', 'HEAD~1..HEAD', '--format', 'json'], { SOPS_AGE_KEY: PUBLISHED_IDENTITY });
    expect(evil.ran()).toBe(false);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(1);
    const report = JSON.parse(out.stdout);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['secretlint/github']);
    expect(report.summary.notes).toContain(
      '.secretlintrc.json: 4 rule package(s) it names were not loaded (content read from commits loads no module it names; only the bundled preset ran): pass --allow-secretlintrc-modules to load installed ones',
    );

    const allowed = repo.guard(['check', '--range', 'HEAD~1..HEAD', '--allow-secretlintrc-modules'], { SOPS_AGE_KEY: PUBLISHED_IDENTITY });
    expect(evil.ran()).toBe(false);
    expect(allowed.status).toBe(2);
    expect(allowed.stderr).toMatch(/^secrets-guard: \.secretlintrc\.json: rules\[0\]\.id: not a package name/);
  });
});
