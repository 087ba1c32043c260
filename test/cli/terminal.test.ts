/**
 * Colour and progress: a flag wins over the environment (no-color.org), FORCE_COLOR and NO_COLOR are honoured, no
 * progress line in CI or on a dumb terminal, and a range's progress counts against the whole range.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { wantsColor, wantsProgress } from '../../src/cli/terminal.js';
import { run, type CliIo } from '../../src/cli.js';
import { isolatedEnv, makeRepo, type TestRepo } from '../helpers/git-repo.js';

let repo: TestRepo | undefined;
afterEach(() => repo?.cleanup());

const ESC = '\x1b[';

describe('colour', () => {
  const cases: Array<[flag: boolean | undefined, env: NodeJS.ProcessEnv, tty: boolean, expected: boolean]> = [
    [undefined, {}, true, true],
    [undefined, {}, false, false],
    [undefined, { TERM: 'dumb' }, true, false],
    [undefined, { NO_COLOR: '1' }, true, false],
    [undefined, { NO_COLOR: '' }, true, true], // no-color.org: only a non-empty value counts
    [undefined, { FORCE_COLOR: '1' }, false, true],
    [undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    [undefined, { FORCE_COLOR: '0' }, true, false],
    [undefined, { FORCE_COLOR: 'false' }, true, false],
    [true, { NO_COLOR: '1' }, false, true],
    [false, { FORCE_COLOR: '1' }, true, false],
  ];
  for (const [flag, env, tty, expected] of cases) {
    it(`${flag === undefined ? 'no flag' : flag ? '--color' : '--no-color'}, ${JSON.stringify(env)}, ${tty ? 'terminal' : 'pipe'} -> ${expected}`, () => {
      expect(wantsColor(flag, { env, stdoutIsTty: tty }, false)).toBe(expected);
    });
  }

  it('a report written to a file is coloured only on request', () => {
    expect(wantsColor(undefined, { env: { FORCE_COLOR: '1' }, stdoutIsTty: true }, true)).toBe(false);
    expect(wantsColor(true, { env: {}, stdoutIsTty: false }, true)).toBe(true);
  });

  it('through the command line: --color and --no-color against FORCE_COLOR and NO_COLOR', () => {
    repo = makeRepo();
    repo.write('.env', 'TOKEN=abc123def456ghi\n');
    repo.git('add', '.env');
    const colours = (args: string[], env: NodeJS.ProcessEnv) => repo!.guard(['check', ...args], { NO_COLOR: undefined, ...env }).stdout.includes(ESC);
    expect(colours([], {})).toBe(false); // not a terminal
    expect(colours([], { FORCE_COLOR: '1' })).toBe(true);
    expect(colours([], { NO_COLOR: '1' })).toBe(false);
    expect(colours(['--color'], { NO_COLOR: '1' })).toBe(true);
    expect(colours(['--no-color'], { FORCE_COLOR: '1' })).toBe(false);
  });
});

describe('progress', () => {
  it('is drawn on a terminal, not with --quiet, CI=true or TERM=dumb', () => {
    const tty = { stderrIsTty: true };
    expect(wantsProgress({ ...tty, env: {} }, false)).toBe(true);
    expect(wantsProgress({ ...tty, env: {} }, true)).toBe(false);
    expect(wantsProgress({ ...tty, env: { CI: 'true' } }, false)).toBe(false);
    expect(wantsProgress({ ...tty, env: { CI: '1' } }, false)).toBe(false);
    expect(wantsProgress({ ...tty, env: { CI: 'false' } }, false)).toBe(true);
    expect(wantsProgress({ ...tty, env: { TERM: 'dumb' } }, false)).toBe(false);
    expect(wantsProgress({ stderrIsTty: false, env: {} }, false)).toBe(false);
  });

  const terminalIo = (dir: string, env: NodeJS.ProcessEnv, drawn: string[]): CliIo => ({
    cwd: dir,
    env: isolatedEnv({ CI: undefined, TERM: 'xterm', ...env }),
    stdoutIsTty: false,
    stderrIsTty: true,
    writeStderr: (text) => void drawn.push(text),
  });

  it('counts the commits and files of a whole range, not one commit at a time', async () => {
    repo = makeRepo();
    repo.write('README.md', '# base\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'base');
    for (const n of [1, 2, 3]) {
      repo.write(`docs/${n}a.md`, `note ${n}\n`);
      repo.write(`docs/${n}b.md`, `more ${n}\n`);
      repo.git('add', '-A');
      repo.git('commit', '-qm', `commit ${n}`);
    }
    const drawn: string[] = [];
    const out = await run(['check', '--range', 'HEAD~3..HEAD'], terminalIo(repo.dir, {}, drawn));
    expect(out.exitCode, out.stderr).toBe(0);
    const lines = drawn.filter((t) => t.includes('files'));
    expect(lines.at(-1)).toMatch(/secrets-guard: commit 3\/3, 6\/6 files/);
    for (const line of lines) expect(line).toMatch(/commit [1-3]\/3, [0-6]\/6 files/);
    expect(drawn.at(-1)).toBe('\r\x1b[K'); // the line is cleared before the report
  });

  it('is not drawn with CI=true, even on a terminal', async () => {
    repo = makeRepo();
    repo.write('a.md', 'x\n');
    repo.git('add', '-A');
    const drawn: string[] = [];
    expect((await run(['check', '--all'], terminalIo(repo.dir, { CI: 'true' }, drawn))).exitCode).toBe(0);
    expect(drawn).toEqual([]);
    expect((await run(['check', '--all'], terminalIo(repo.dir, {}, drawn))).exitCode).toBe(0);
    expect(drawn.join('')).toMatch(/1\/1 files/);
  });
});
