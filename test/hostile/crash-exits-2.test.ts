/**
 * Hostile: an internal failure nobody awaits (an exception in an event handler, a rejected promise without a
 * handler) must still fail closed: exit 2 and one line on stderr, never a crash trace and never a report that looks
 * like a pass. The failure is injected into the real CLI by a preload (test/helpers/crash-in-engine.mjs) that makes
 * the engine's first git child bring it.
 */
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { fake } from '../helpers/fake-tokens.js';
import { BIN, isolatedEnv, makeRepo, type TestRepo } from '../helpers/git-repo.js';

const PRELOAD = new URL('../helpers/crash-in-engine.mjs', import.meta.url).href;

let repo: TestRepo;
afterEach(() => repo?.cleanup());

function crashingCheck(mode: string, args: string[]) {
  repo = makeRepo();
  repo.write('deploy/values.yaml', `token: ${fake.github()}\n`);
  repo.git('add', '-A');
  return spawnSync(process.execPath, ['--import', PRELOAD, BIN, ...args], { cwd: repo.dir, env: isolatedEnv({ CRASH_IN_ENGINE: mode }), encoding: 'utf8' });
}

describe('an internal error outside every handler', () => {
  for (const [mode, message] of [
    ['throw', 'injected crash in the engine'],
    ['reject', 'injected rejection in the engine'],
    ['multiline', 'injected crash'],
  ] as const) {
    it(`${mode}: exit 2, one line on stderr, nothing on stdout`, () => {
      const out = crashingCheck(mode, ['check', '--format', 'json']);
      expect(out.status, out.stderr).toBe(2);
      expect(out.stderr).toBe(`secrets-guard: internal error: ${message}\n`);
      expect(out.stdout).toBe('');
    });
  }

  it('without the preload the same check runs to its verdict (the failure is the injected one)', () => {
    repo = makeRepo();
    repo.write('deploy/values.yaml', `token: ${fake.github()}\n`);
    repo.git('add', '-A');
    expect(repo.guard(['check']).status).toBe(1);
  });
});
