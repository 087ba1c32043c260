/**
 * `.secrets-guard.yaml` is repository content too: it could hand the secretlint rule a configuration naming any
 * module (`secretlintConfig`) and a directory to load it from (`secretlintBaseDirectory`), around the
 * `.secretlintrc` checks, in every mode. The rule takes no options from it: a configuration error (exit 2).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { evilRule, type EvilRule } from '../helpers/evil-secretlint-rule.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { PUBLISHED_IDENTITY } from '../helpers/published-age-key.js';

let repo: TestRepo;
let evil: EvilRule;
afterEach(() => {
  repo?.cleanup();
  evil?.cleanup();
});

describe('secretlint options in .secrets-guard.yaml', () => {
  it('are refused in a staged check and in --range, and the module they name never runs', () => {
    repo = makeRepo();
    evil = evilRule();
    repo.write('README.md', '# app\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'base', '--no-verify');
    const options = { secretlintConfig: { rules: [{ id: evil.dataUrl }] }, secretlintBaseDirectory: repo.dir };
    repo.write('.secrets-guard.yaml', JSON.stringify({ rules: { secretlint: { options } } }));
    repo.write('notes.txt', 'hello\n');
    repo.git('add', '-A');
    const staged = repo.guard(['check'], { SOPS_AGE_KEY: PUBLISHED_IDENTITY });
    expect(evil.ran()).toBe(false);
    expect(staged.status).toBe(2);
    expect(staged.stderr).toBe('secrets-guard: .secrets-guard.yaml: rules.secretlint.options: rule secretlint takes no options\n');

    repo.git('commit', '-qm', 'config', '--no-verify');
    const range = repo.guard(['check', '--range', 'HEAD~1..HEAD'], { SOPS_AGE_KEY: PUBLISHED_IDENTITY });
    expect(evil.ran()).toBe(false);
    expect(range.status).toBe(2);
    expect(range.stderr).toMatch(/rule secretlint takes no options/);
  });
});
