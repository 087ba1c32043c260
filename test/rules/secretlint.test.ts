import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rule, shortRuleName } from '../../rules/secretlint.js';
import { ConfigError } from '../../src/errors.js';
import { parseSecretlintRc } from '../../src/secretlint/config.js';
import { isPackageName, resolveRuleCreator } from '../../src/secretlint/resolve-rule.js';
import { fake } from '../helpers/fake-tokens.js';
import { lintWith, testRule } from '../helpers/rule-tester.js';

const github = fake.github();
const aws = fake.awsSecretAccessKey();
const slack = fake.slackBot();

testRule(rule, {
  valid: [
    { name: 'ordinary code', path: 'src/app.ts', content: 'export const url = "https://example.com/api";\n' },
    // secrets-guard-allow: AWS's published example key, in the test that shows secretlint lets it through
    { name: "AWS's documented example key", path: 'docs/aws.md', content: 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' },
    { name: 'secretlint-disable-next-line', path: 'src/a.ts', content: `// secretlint-disable-next-line\nconst t = "${github}";\n` },
    { name: 'database URL without a password', path: 'config/db.yaml', content: 'url: postgres://db.internal:5432/app\n' },
    // Placeholders (the engine's one vocabulary): secretlint reports these, the guard drops them.
    { name: 'connection string with <user>:<pass>', path: 'README.md', content: 'DATABASE_URL=postgres://<user>:<pass>@host/db\n' },
    { name: 'a GitHub token made of x', path: 'docs/ci.md', content: `export GITHUB_TOKEN=ghp_${'x'.repeat(36)}\n` },
    { name: 'a GitLab token made of X', path: 'docs/ci.md', content: `token: glpat-${'X'.repeat(20)}\n` },
    {
      name: 'a word as the password of a database on localhost (a README of a compose setup)',
      path: 'README.md',
      content: '   psql "postgresql://context:contextdev@localhost:5432/context_platform" \\\n',
    },
    // Slack stubs met in real repositories: a counting documentation token, test strings too short to be tokens.
    { name: 'Slack token in a module doc (counting body)', path: 'plugins/modules/slack.py', content: '    token: xoxb-1234-56789abcdefghijklmnop\n' },
    {
      name: 'Slack stub in a shell test',
      path: 'slack-post-tests.sh',
      content: "printf 'xoxp-0-stub-token\\n' >\"${token_file}\"\n\t'xoxe.xoxp-1-Mi123:app configuration token' \\\n",
    },
  ],
  invalid: [
    {
      name: 'GitHub token',
      path: 'src/a.ts',
      content: `// token\nconst t = "${github}";\n`,
      errors: [{ line: 2, column: 12, message: 'GitHub Token', severity: 'error' }],
    },
    {
      name: 'AWS secret access key',
      path: 'deploy/aws.ini',
      content: `[default]\naws_secret_access_key = ${aws}\n`,
      errors: [{ line: 2, message: 'AWS Secret Access Key' }],
    },
    { name: 'Slack bot token', path: 'bot.py', content: `SLACK = '${slack}'\n`, errors: [{ line: 1, message: /slack/i }] },
    {
      name: 'the same password on a remote database',
      path: 'README.md',
      content: '   psql "postgresql://context:contextdev@db.internal:5432/context_platform"\n',
      errors: [{ line: 1, message: /PostgreSQL/ }],
    },
    {
      name: 'Slack bot token in a module doc (a real one beside the stub)',
      path: 'plugins/modules/slack.py',
      content: `    token: xoxb-1234-56789abcdefghijklmnop\n    token: ${slack}\n`,
      errors: [{ line: 2, message: /slack/i }],
    },
    {
      name: 'database URL with a password',
      path: 'config/db.yaml',
      // secrets-guard-allow: a made-up password, the input of this test
      content: 'url: postgres://app:Sup3rS3cretPassw0rdValue@db.internal:5432/app\n',
      errors: [{ line: 1 }],
    },
  ],
});

describe('secretlint adapter', () => {
  it('reports under secretlint/<short rule name> with the matched text as the masked secret', async () => {
    const found = await lintWith(rule, { path: 'a.ts', content: `const a = "${github}";\nAWS_SECRET_ACCESS_KEY = "${aws}";\n` });
    expect(found.map((f) => f.ruleId)).toEqual(['secretlint/github', 'secretlint/aws']);
    for (const f of found) {
      expect(f.message).not.toContain(github);
      expect(f.message).not.toContain(aws);
      expect(f.message).not.toContain(github.slice(4, 16));
      expect(f.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(found[0]!.endColumn).toBe(11 + github.length + 1);
  });

  it("turns secretlint's profiler off, so linting leaves no performance marks behind", async () => {
    performance.clearMarks();
    for (let i = 0; i < 20; i++) await lintWith(rule, { path: `f${i}.ts`, content: `const x = ${i};\n` });
    expect(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('@core>'))).toEqual([]);
  });

  it('shortens secretlint rule ids', () => {
    expect(shortRuleName('@secretlint/secretlint-rule-github')).toBe('github');
    expect(shortRuleName('secretlint-rule-acme')).toBe('acme');
    expect(shortRuleName('@corp/secretlint-rule-internal')).toBe('@corp/internal');
  });

  it("honours a team's .secretlintrc: allowMessageIds and severities of the preset's rules", async () => {
    const rc = await parseSecretlintRc(
      JSON.stringify({
        rules: [
          {
            id: '@secretlint/secretlint-rule-preset-recommend',
            rules: [
              { id: '@secretlint/secretlint-rule-aws', allowMessageIds: ['AWSSecretAccessKey'] },
              { id: '@secretlint/secretlint-rule-github', severity: 'warning' },
            ],
          },
        ],
      }),
      '.secretlintrc.json',
    );
    const found = await lintWith(rule, { path: 'a.ts', content: `aws_secret_access_key = "${aws}"\nb = "${github}"\n`, options: { secretlintConfig: rc } });
    expect(found.map((f) => [f.ruleId, f.severity])).toEqual([['secretlint/github', 'warning']]);
  });

  describe('a rule package installed in the repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-secretlint-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const pkg = join(dir, 'node_modules', 'secretlint-rule-acme');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'secretlint-rule-acme', type: 'module', main: 'index.js' }));
    writeFileSync(
      join(pkg, 'index.js'),
      `export const creator = {
  messages: { ACME: { en: (p) => 'found ACME key: ' + p.KEY } },
  meta: { id: 'secretlint-rule-acme', recommended: false, type: 'scanner', supportedContentTypes: ['text'] },
  create(context) {
    const t = context.createTranslator(creator.messages);
    return { file(source) {
      for (const m of source.content.matchAll(/acme_[a-z0-9]{24}/g)) context.report({ message: t('ACME', { KEY: m[0] }), range: [m.index, m.index + m[0].length] });
    } };
  },
};\n`,
    );

    it('is found by its short id from the base directory, beside the preset', async () => {
      const rc = await parseSecretlintRc('rules:\n  - id: acme\n', '.secretlintrc.yaml');
      // oxlint-disable-next-line no-useless-concat -- split, so that no token sits whole in the source
      const key = 'acme_' + 'abcdefghij0123456789wxyz';
      const found = await lintWith(rule, {
        path: 'a.txt',
        content: `k=${key}\ntoken ${github}\n`,
        options: { secretlintConfig: rc, secretlintBaseDirectory: dir },
      });
      expect(found.map((f) => f.ruleId).sort()).toEqual(['secretlint/acme', 'secretlint/github']);
      expect(found.find((f) => f.ruleId === 'secretlint/acme')!.message).not.toContain(key);
    });

    it('an unresolvable package is a ConfigError naming it', async () => {
      const rc = await parseSecretlintRc('{"rules":[{"id":"@corp/secretlint-rule-missing"}]}', '.secretlintrc.json');
      const run = lintWith(rule, { path: 'a.txt', content: 'x\n', options: { secretlintConfig: rc, secretlintBaseDirectory: dir } });
      await expect(run).rejects.toThrow(ConfigError);
      await expect(run).rejects.toThrow(/rules\[0\]\.id: cannot load secretlint rule "@corp\/secretlint-rule-missing"/);
    });
  });

  it("takes no options from .secrets-guard.yaml: which modules load, and from where, is the engine's choice", () => {
    expect(rule.meta.options).toBeUndefined();
  });

  describe('only installed packages are loaded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-secretlint-paths-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const marker = join(dir, 'ran');
    const evil = `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(marker)}, 'x'); export const creator = { meta: { id: 'x', type: 'scanner' }, create() { return {}; } };\n`;
    writeFileSync(join(dir, 'evil.mjs'), evil);
    // A package.json "exports" self-reference: a bare name that resolves into the repository, not node_modules.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'secretlint-rule-self', type: 'module', exports: './evil.mjs' }));

    const ids = [
      './evil.mjs',
      join(dir, 'evil.mjs'),
      `file://${join(dir, 'evil.mjs')}`,
      `data:text/javascript,${encodeURIComponent(evil)}`,
      '../evil.mjs',
      'node:fs',
      'a/../../evil.mjs',
    ];
    for (const id of ids) {
      it(`refuses ${id.slice(0, 40)} without running it`, async () => {
        expect(isPackageName(id)).toBe(false);
        await expect(resolveRuleCreator(id, dir)).rejects.toThrow(/not a package name: rules are loaded from installed packages only/);
        expect(existsSync(marker)).toBe(false);
      });
    }

    it('refuses a package name that resolves outside node_modules', async () => {
      await expect(resolveRuleCreator('secretlint-rule-self', dir)).rejects.toThrow(/resolves to .*evil\.mjs, outside node_modules/);
      await expect(resolveRuleCreator('self', dir)).rejects.toThrow(/outside node_modules/);
      expect(existsSync(marker)).toBe(false);
    });
  });

  it('parseSecretlintRc rejects bad JSON and YAML with the file name', async () => {
    await expect(parseSecretlintRc('{', '.secretlintrc.json')).rejects.toThrow(/^\.secretlintrc\.json: cannot parse/);
    expect(await parseSecretlintRc('rules:\n  - id: preset-x\n', '.secretlintrc')).toEqual({ rules: [{ id: 'preset-x' }] });
    expect(await parseSecretlintRc('{"rules": []}', '.secretlintrc')).toEqual({ rules: [] });
    await expect(parseSecretlintRc('rules: [\n', '.secretlintrc.yaml')).rejects.toThrow(ConfigError);
    await expect(parseSecretlintRc('{"rules":[{"id":"x","severity":"fatal"}]}', 'rc.json')).rejects.toThrow('rc.json: rules[0].severity');
  });
});
