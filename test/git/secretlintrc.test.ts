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

  it("a rule disabled inside a team's own preset is not registered either", () => {
    repo = makeRepo();
    repo.write('.gitignore', 'node_modules/\n');
    // A preset installed in the repository, with two rules that each report their own marker.
    const ruleSource = (id: string, marker: string) => `{
      messages: { Found: { en: () => 'found ${marker}' } },
      meta: { id: '${id}', recommended: true, type: 'scanner', supportedContentTypes: ['text'] },
      create(context) {
        const t = context.createTranslator(this.messages);
        return { file(source) { const i = source.content.indexOf('${marker}'); if (i >= 0) context.report({ message: t('Found'), range: [i, i + ${marker.length}] }); } };
      },
    }`;
    repo.write(
      'node_modules/secretlint-rule-preset-team/package.json',
      JSON.stringify({ name: 'secretlint-rule-preset-team', type: 'module', main: 'index.js' }),
    );
    repo.write(
      'node_modules/secretlint-rule-preset-team/index.js',
      `const a = ${ruleSource('team-a', 'TEAM_A_MARKER')};\nconst b = ${ruleSource('team-b', 'TEAM_B_MARKER')};\n` +
        `export const creator = { meta: { id: 'secretlint-rule-preset-team', type: 'preset', recommended: true }, rules: [a, b], create(context) { for (const r of [a, b]) context.registerRule(r); } };\n`,
    );
    repo.write('.secretlintrc.json', JSON.stringify({ rules: [{ id: 'secretlint-rule-preset-team', rules: [{ id: 'team-b', disabled: true }] }] }));
    repo.write('notes.txt', 'TEAM_A_MARKER and TEAM_B_MARKER\n');
    repo.git('add', '-A');
    expect(ruleIds(repo.guard(['check', '--format', 'json']))).toEqual(['secretlint/team-a']);
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
