/**
 * The one git runner (src/git/run.ts): what every git child gets as its environment, and when a command failed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GitError } from '../../src/errors.js';
import { PROBE_OPTIONS, REPOSITORY_PROBE } from '../../src/git/repository.js';
import { GitCommandError, GitRunner } from '../../src/git/run.js';
import { isolatedEnv, makeRepo, type TestRepo } from '../helpers/git-repo.js';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

describe('the git runner', () => {
  it("gives git no SOPS_* variable and no program to start, a hook's relative index made absolute, and no optional locks", async () => {
    repo = makeRepo();
    const git = GitRunner.forCaller(
      repo.dir,
      isolatedEnv({ SOPS_AGE_KEY: 'AGE-SECRET-KEY-1X', sops_age_key_file: '/k', GIT_INDEX_FILE: '.git/other-index', GIT_EDITOR: 'vi', EDITOR: 'vi' }),
    );
    // What the child really gets: a shell alias prints its environment.
    const seen = await git.run(['-c', 'alias.printenv=!env', 'printenv']);
    expect(seen).toMatch(/^PATH=/m);
    expect(seen).not.toMatch(/^(sops_|GIT_EDITOR=|EDITOR=)/im);
    expect(seen).not.toContain('AGE-SECRET-KEY');
    expect(seen).toMatch(new RegExp(`^GIT_INDEX_FILE=${repo.dir}/\\.git/other-index$`, 'm'));
    expect(seen).toMatch(/^GIT_OPTIONAL_LOCKS=0$/m);
    expect(git.at('/').env).toBe(git.env);
  });

  it('feeds standard input and returns stdout', async () => {
    repo = makeRepo();
    const git = GitRunner.forCaller(repo.dir, isolatedEnv());
    const emptyBlob = (await git.run(['hash-object', '--stdin'], { input: '' })).trim();
    expect(emptyBlob).toBe(repo.git('hash-object', '/dev/null').trim());
  });

  it("fails on any non-zero exit, naming the command and git's first line, as a GitError", async () => {
    repo = makeRepo();
    const git = GitRunner.forCaller(repo.dir, isolatedEnv());
    const failed = await git.run(['rev-parse', '--verify', 'no-such-ref']).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(GitCommandError);
    expect(failed).toBeInstanceOf(GitError);
    expect((failed as Error).message).toMatch(/^git rev-parse failed: .*\S/);
    // Silent, but still a failure unless the caller says a silent exit is an answer.
    await expect(git.run(['rev-parse', '--verify', '-q', 'HEAD^{commit}'])).rejects.toThrow(/git rev-parse failed: exit 1/);
    const probe = await git.run(REPOSITORY_PROBE, PROBE_OPTIONS);
    expect(probe.split('\n').slice(0, 2)).toEqual(['true', 'false']);
  });

  it('still fails a command that complains, even where a silent exit would be an answer', async () => {
    const git = GitRunner.forCaller('/', isolatedEnv({ GIT_CEILING_DIRECTORIES: '/' }));
    await expect(git.run(REPOSITORY_PROBE, PROBE_OPTIONS)).rejects.toThrow(/not a git repository/);
  });
});
