/**
 * The shipped bundle (dist/bundle) keeps simple-git's debug logging: silent and not loaded by default, the real
 * `debug` package as soon as DEBUG asks for it (scripts/quiet-debug.mjs).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

describe('bundled CLI', () => {
  it("logs simple-git's commands with DEBUG=simple-git, and nothing without it", () => {
    repo = makeRepo();
    repo.write('a.txt', 'hello\n');
    repo.git('add', 'a.txt');
    // --all: a staged check starts its git commands itself (git/head-start.ts) and may not load simple-git at all.
    const quiet = repo.guard(['check', '--all']);
    const traced = repo.guard(['check', '--all'], { DEBUG: 'simple-git' });
    expect(quiet.status).toBe(0);
    expect(traced.status).toBe(0);
    expect(quiet.stderr).not.toMatch(/simple-git/);
    expect(traced.stderr).toMatch(/simple-git .*\[SPAWN\] git \[ 'rev-parse'/);
  });
});
