/** A team's .secretlintrc, read from the same source as the files, changes what the secretlint rule reports. */
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { fake } from '../helpers/fake-tokens.js';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

const ruleIds = (out: { stdout: string }) => JSON.parse(out.stdout).findings.map((f: { ruleId: string }) => f.ruleId);

describe('.secretlintrc', () => {
  it('without one, the recommended preset reports a GitHub token', () => {
    repo = makeRepo();
    repo.write('src/client.ts', `export const token = "${fake.github()}";\n`);
    repo.git('add', '-A');
    expect(ruleIds(repo.guard(['check', '--format', 'json']))).toEqual(['secretlint/github']);
  });

  it('a staged .secretlintrc.json that turns the GitHub rule off is honoured', () => {
    repo = makeRepo();
    const rc = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rules: [{ id: '@secretlint/secretlint-rule-github', disabled: true }] }] };
    repo.write('.secretlintrc.json', JSON.stringify(rc));
    repo.write('src/client.ts', `export const token = "${fake.github()}";\nexport const slack = "${fake.slackBot()}";\n`);
    repo.git('add', '-A');
    const ids = ruleIds(repo.guard(['check', '--format', 'json']));
    expect(ids).not.toContain('secretlint/github');
    expect(ids).toContain('secretlint/slack');
  });

  it('a rule package that cannot be loaded is a configuration error (exit 2)', () => {
    repo = makeRepo();
    repo.write('.secretlintrc.json', JSON.stringify({ rules: [{ id: 'secretlint-rule-does-not-exist' }] }));
    repo.git('add', '-A');
    const out = repo.guard(['check']);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/cannot load secretlint rule "secretlint-rule-does-not-exist"/);
  });
});
