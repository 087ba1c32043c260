/** Exit codes through the built binary: 0 clean, 1 error findings, 2 usage/config/git/internal error with one line. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { failure } from '../../src/cli.js';
import { fake } from '../helpers/fake-tokens.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

function repoWith(files: Record<string, string>): TestRepo {
  const r = makeRepo();
  for (const [path, content] of Object.entries(files)) r.write(path, content);
  r.git('add', '-A');
  return r;
}

const LEAK = { '.env': 'TOKEN=abc123def456ghi\n' };

describe('exit status', () => {
  const cases: Array<{ name: string; files: Record<string, string>; args: string[]; status: number; stderr?: RegExp; stdout?: RegExp }> = [
    { name: 'clean', files: { 'README.md': '# hi\n' }, args: ['check'], status: 0, stdout: /no secrets found/ },
    { name: 'findings', files: LEAK, args: ['check'], status: 1 },
    { name: 'unknown option', files: {}, args: ['check', '--frobnicate'], status: 2, stderr: /unknown option '--frobnicate'.*check --help/ },
    { name: 'unknown format', files: {}, args: ['check', '--format', 'xml'], status: 2, stderr: /argument 'xml' is invalid/ },
    { name: '--all with paths', files: LEAK, args: ['check', '--all', '.env'], status: 2, stderr: /give only one of --all, --range or paths/ },
    { name: 'missing path', files: {}, args: ['check', 'nope.txt'], status: 2, stderr: /no such file: nope\.txt/ },
    { name: 'bad size', files: {}, args: ['check', '--max-file-size', 'huge'], status: 2, stderr: /--max-file-size: expected a positive size/ },
    {
      name: 'invalid config YAML',
      files: { '.secrets-guard.yaml': 'rules: [oops\n' },
      args: ['check'],
      status: 2,
      stderr: /^secrets-guard: \.secrets-guard\.yaml: invalid YAML/,
    },
    {
      name: 'unknown config key',
      files: { '.secrets-guard.yaml': 'rulez: {}\n' },
      args: ['check'],
      status: 2,
      stderr: /\.secrets-guard\.yaml: rulez: unknown key/,
    },
    {
      name: 'unknown rule',
      files: { '.secrets-guard.yaml': 'rules:\n  no-such-rule: error\n' },
      args: ['check'],
      status: 2,
      stderr: /rules\.no-such-rule: unknown rule/,
    },
    {
      name: 'bad severity',
      files: { '.secrets-guard.yaml': 'rules:\n  private-key:\n    severity: fatal\n' },
      args: ['check'],
      status: 2,
      stderr: /rules\.private-key\.severity: expected error, warning or off/,
    },
    {
      name: 'options on a rule without options',
      files: { '.secrets-guard.yaml': 'rules:\n  private-key:\n    options: { x: 1 }\n' },
      args: ['check'],
      status: 2,
      stderr: /rules\.private-key\.options: rule private-key takes no options/,
    },
    {
      name: 'rule downgraded to warning: reported, exit 0',
      files: { ...LEAK, '.secrets-guard.yaml': 'rules:\n  plaintext-env-file: warning\n' },
      args: ['check'],
      status: 0,
      stdout: /warning\s+plaintext env file/,
    },
    { name: 'rule turned off', files: { ...LEAK, '.secrets-guard.yaml': 'rules:\n  plaintext-env-file: off\n' }, args: ['check'], status: 0 },
    { name: 'ignored path', files: { 'fixtures/.env': LEAK['.env'], '.secrets-guard.yaml': 'ignore:\n  - "fixtures/**"\n' }, args: ['check'], status: 0 },
    {
      name: 'inline suppression',
      files: { 'deploy/app.yaml': `# secrets-guard-allow\ntoken: ${fake.github()}\n` },
      args: ['check'],
      status: 0,
      stdout: /1 finding\(s\) suppressed by allow comments/,
    },
  ];

  for (const c of cases) {
    it(`${c.name} → ${c.status}`, () => {
      repo = repoWith(c.files);
      const out = repo.guard(c.args);
      expect(out.status, out.stderr).toBe(c.status);
      if (c.stderr) expect(out.stderr).toMatch(c.stderr);
      if (c.stdout) expect(out.stdout).toMatch(c.stdout);
      if (c.status === 2) expect(out.stderr.trim().split('\n')).toHaveLength(1);
    });
  }

  it('a corrupt index is a git error, exit 2', () => {
    repo = repoWith(LEAK);
    writeFileSync(join(repo.dir, '.git/index'), 'garbage');
    const out = repo.guard(['check']);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/^secrets-guard: git .*failed: .*index/);
  });

  it('an unexpected error fails closed with exit 2', () => {
    const outcome = failure(new TypeError('boom'));
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toBe('secrets-guard: internal error: boom\n');
  });

  it('--help, --version and --list-rules exit 0', () => {
    repo = makeRepo();
    expect(repo.guard(['--help']).stdout).toMatch(/Exit status:/);
    expect(repo.guard(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(repo.guard(['--list-rules']).stdout).toMatch(/^private-key\s+error\s+Private key material/m);
  });
});

describe('paths mode', () => {
  it('checks named files on disk, literally (no globbing)', () => {
    repo = makeRepo();
    repo.write('app/*.env', 'TOKEN=abc123def456ghi\n');
    repo.write('app/prod.env', 'TOKEN=abc123def456ghi\n');
    const out = repo.guard(['check', '--format', 'json', 'app/*.env']);
    expect(out.status).toBe(1);
    expect(JSON.parse(out.stdout).findings.map((f: { path: string }) => f.path)).toEqual(['app/*.env']);
  });

  it('works outside a git repository', () => {
    repo = makeRepo({ init: false });
    repo.write('.env', 'TOKEN=abc123def456ghi\n');
    const out = repo.guard(['check', '.env']);
    expect(out.status).toBe(1);
  });
});
