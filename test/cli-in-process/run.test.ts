/**
 * The CLI's run() in-process with a fake io: what it answers without a repository (the rule list, usage errors),
 * and that it neither prints nor exits: everything comes back in the outcome. test/cli/ runs the bundle.
 */
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { run, type CliIo } from '../../src/cli.js';

const io: CliIo = { cwd: tmpdir(), env: {}, stdoutIsTty: false, stderrIsTty: false };

describe('run() with a fake io', () => {
  it('--list-rules lists every rule with its default severity, exit 0', async () => {
    const outcome = await run(['--list-rules'], io);
    expect(outcome.exitCode).toBe(0);
    for (const rule of rules) expect(outcome.stdout).toMatch(new RegExp(`^${rule.meta.id} +${rule.meta.defaultSeverity} `, 'm'));
  });

  it.each([
    ['an unknown option', ['check', '--no-such-option']],
    ['an unknown command', ['no-such-command']],
    ['a bad format', ['check', '--format', 'xml']],
  ])('%s is a usage error: exit 2, one line on stderr, nothing on stdout', async (_name, argv) => {
    const outcome = await run(argv, io);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(outcome.stderr).toMatch(/^secrets-guard: /);
  });
});
