/**
 * The command line in-process, through run() with a fake io: options per command, usage errors (exit 2, one line,
 * "did you mean"), help, and the flags rules declare. A usage error stops before any git runs: the working
 * directory given here is not a repository, so a scan that slipped through would fail with a git error instead.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { hookCheck } from '../../src/cli/hook-command.js';
import { parseCommandLine } from '../../src/cli/program.js';
import type { CliRuleFlag } from '../../src/cli/rule-flags.js';
import { run, type CliIo } from '../../src/cli.js';

const notARepo = mkdtempSync(join(tmpdir(), 'sg-cli-'));
afterAll(() => rmSync(notARepo, { recursive: true, force: true }));
const io: CliIo = {
  cwd: notARepo,
  env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_CEILING_DIRECTORIES: tmpdir() },
  stdoutIsTty: false,
  stderrIsTty: false,
};

describe('usage errors: exit 2, one line on stderr, nothing scanned', () => {
  const cases: Array<[argv: string[], stderr: RegExp]> = [
    [['check', '--dry-run'], /^secrets-guard: unknown option '--dry-run' \(see secrets-guard check --help\)\n$/],
    [['init', '--format', 'sarif'], /unknown option '--format' \(see secrets-guard init --help\)/],
    [['check', '--formt', 'json'], /unknown option '--formt' \(did you mean --format\?\)/],
    [['check', '--requre-verification'], /unknown option '--requre-verification' \(did you mean --require-verification\?\)/],
    [['baseline', '--range', 'main..HEAD'], /unknown option '--range' \(see secrets-guard baseline --help\)/],
    [['baseline', 'src'], /too many arguments for 'baseline'/],
    [['init', 'src'], /too many arguments for 'init'/],
    [['pre-receive', '--all'], /unknown option '--all'/],
    [['check', '--format', 'xml'], /argument 'xml' is invalid\. Allowed choices are stylish, json, sarif, github, gitlab/],
    [['chek'], /unknown command 'chek' \(did you mean check\?\)/],
    [['--all'], /unknown option '--all' \(see secrets-guard --help\)/],
    [['help', 'nope'], /^secrets-guard: unknown command 'nope'/],
    [['check', '--range'], /option '--range <A\.\.B>' argument missing/],
    [['check', '--\x1b[2Jx'], /unknown option '--\\x1b\[2Jx'/],
  ];
  for (const [argv, stderr] of cases) {
    it(argv.join(' '), async () => {
      const out = await run(argv, io);
      expect(out).toMatchObject({ exitCode: 2, stdout: '', files: [] });
      expect(out.stderr).toMatch(stderr);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
    });
  }
});

describe('help', () => {
  it('a bare secrets-guard prints the overview and exits 2, like git and npm (non-zero), scanning nothing', async () => {
    const out = await run([], io);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/^Usage: secrets-guard <command> \[options\]/);
    expect(out.stdout).toMatch(/Commands:\n {2}check \[options\] \[paths\.\.\.\]/);
  });

  it('help, help <command> and <command> --help print to stdout and exit 0', async () => {
    expect(await run(['help'], io)).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/Exit status:/) });
    const viaHelp = await run(['help', 'check'], io);
    expect(viaHelp.exitCode).toBe(0);
    expect(viaHelp.stdout).toMatch(/^Usage: secrets-guard check \[options\] \[paths\.\.\.\]/);
    expect(await run(['check', '--help'], io)).toEqual(viaHelp);
    expect(await run(['check', '-h'], io)).toEqual(viaHelp);
    expect((await run(['help', 'init'], io)).stdout).toMatch(/--dry-run/);
    expect((await run(['help', 'init'], io)).stdout).not.toMatch(/--format/);
  });

  it('--version and --list-rules', async () => {
    const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
    expect(await run(['--version'], io)).toMatchObject({ exitCode: 0, stdout: `${version}\n` });
    expect(await run(['-v'], io)).toMatchObject({ exitCode: 0, stdout: `${version}\n` });
    expect((await run(['--list-rules'], io)).stdout).toMatch(/^private-key\s+error\s+Private key material/m);
  });
});

describe('options per command', () => {
  const FLAG: CliRuleFlag = { ruleId: 'some-rule', name: 'strict-thing', option: 'strict', description: 'be strict' };
  const parse = async (argv: string[]) => {
    let loads = 0;
    const line = await parseCommandLine(
      argv,
      async () => (loads++, [FLAG]),
      () => '0.0.0',
    );
    return { line, loads };
  };

  it('gives each command its own options, camel-cased, with defaults', async () => {
    expect((await parse(['check', 'a.env', '--all', 'b.env', '--no-color', '-f', 'json'])).line).toEqual({
      run: { command: 'check', paths: ['a.env', 'b.env'], options: { all: true, color: false, format: 'json', ruleOverrides: new Map() } },
    });
    expect((await parse(['baseline', '--dry-run', '--prune'])).line).toEqual({
      run: { command: 'baseline', options: { dryRun: true, prune: true, ruleOverrides: new Map() } },
    });
    expect((await parse(['init', '--dry-run', '--gitignore'])).line).toEqual({ run: { command: 'init', options: { dryRun: true, gitignore: true } } });
    expect((await parse(['check', '--', '--not-an-option'])).line).toMatchObject({ run: { paths: ['--not-an-option'] } });
  });

  it("turns a rule's flag into that rule's option, on every scanning command and no other", async () => {
    for (const command of ['check', 'pre-receive', 'baseline']) {
      const { line } = await parse([command, '--strict-thing']);
      expect(line).toMatchObject({ run: { command, options: { ruleOverrides: new Map([['some-rule', { strict: true }]]) } } });
      expect((line as { run: { options: object } }).run.options).not.toHaveProperty('strictThing');
    }
    expect((await parse(['init', '--strict-thing'])).line).toMatchObject({ outcome: { exitCode: 2 } });
  });

  it('loads the rules for their flags only when the command line may name one, or asks for help', async () => {
    expect((await parse(['check'])).loads).toBe(0);
    expect((await parse(['check', '--all', '--format=json', '-q', 'x.env', '--', '--strict-thing'])).loads).toBe(0);
    expect((await parse(['check', '--strict-thing'])).loads).toBe(1);
    expect((await parse(['check', '--help'])).loads).toBe(1);
    expect((await parse(['help', 'check'])).loads).toBe(1);
  });
});

describe('flags declared by rules (meta.flags)', () => {
  it('each sets a boolean option the rule has, under a name no other flag uses', async () => {
    const flags = rules.flatMap((r) => (r.meta.flags ?? []).map((f) => ({ rule: r, ...f })));
    expect(flags.length).toBeGreaterThan(0);
    for (const { rule, option } of flags) expect(typeof (rule.defaultOptions as Record<string, unknown>)[option], `${rule.meta.id}.${option}`).toBe('boolean');
    expect(new Set(flags.map((f) => f.name)).size).toBe(flags.length);
    // commander refuses a flag that clashes with the CLI's own: building the help would fail.
    const help = await run(['help', 'check'], io);
    for (const { name, rule } of flags) expect(help.stdout).toMatch(new RegExp(`--${name} .*\\n?.*\\(rule ${rule.meta.id}\\)`));
  });

  it('no rule id is written in the CLI or the commands', () => {
    const ids = rules.map((r) => r.meta.id);
    for (const dir of ['cli', 'commands']) {
      const folder = new URL(`../../src/${dir}/`, import.meta.url);
      for (const file of readdirSync(folder)) {
        const text = readFileSync(new URL(file, folder), 'utf8');
        for (const id of ids) expect(text.includes(`'${id}'`) || text.includes(`"${id}"`), `${dir}/${file} names ${id}`).toBe(false);
      }
    }
  });
});

describe('imports', () => {
  const sources = (dir: string) => {
    const folder = new URL(`../../src/${dir}/`, import.meta.url);
    return readdirSync(folder).map((file) => ({ file: `${dir}/${file}`, text: readFileSync(new URL(file, folder), 'utf8') }));
  };

  it('no cycle through cli.ts: the commands and cli/ never import it, and cli/ never imports a command', () => {
    for (const { file, text } of [...sources('commands'), ...sources('cli')]) expect(text, file).not.toMatch(/from '\.\.\/cli\.js'/);
    for (const { file, text } of sources('cli')) expect(text, file).not.toMatch(/from '\.\.\/commands\//);
  });
});

describe("the hook's `check`, read without commander", () => {
  it('is what the full parser makes of `check`', async () => {
    const full = await parseCommandLine(
      ['check'],
      async () => [],
      () => '0',
    );
    expect('run' in full && full.run).toEqual(hookCheck(['check']));
  });

  it('is only `check` alone: anything more goes to the full parser', () => {
    for (const argv of [[], ['check', '--all'], ['check', 'a.txt'], ['check', '--formt', 'json'], ['baseline'], ['--help']])
      expect(hookCheck(argv), argv.join(' ')).toBeUndefined();
  });
});
