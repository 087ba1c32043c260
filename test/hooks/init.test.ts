/**
 * `secrets-guard init` through the built binary, then real `git commit`s through the hook it wrote: the hook must
 * find the guard the way the repository installs it, block a leak, let a clean commit through, and fail closed.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, isolatedEnv, makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { BARE_PATH, gitWithPath, guardShimDir, writeGuardShim } from '../helpers/guard-shim.js';

const LEAK = 'DB_PASSWORD=prod-Zk8q9pLw2mX\n';
const NOT_INSTALLED_NOTE = 'note: secrets-guard is neither in node_modules/.bin nor on PATH: until it is installed, the hook blocks every commit';
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function repoForTest(): TestRepo {
  const repo = makeRepo();
  cleanups.push(() => repo.cleanup());
  return repo;
}

/** PATH with a secrets-guard shim first, as after `npm install -g secrets-guard`. */
function pathWithGuard(): string {
  const shim = guardShimDir();
  cleanups.push(shim.cleanup);
  return `${shim.dir}:${BARE_PATH}`;
}

function init(repo: TestRepo, ...args: string[]) {
  const out = repo.guard(['init', ...args]);
  return { ...out, lines: out.stdout.trim().split('\n') };
}

const hasCommit = (repo: TestRepo) => repo.tryGit('rev-parse', '--verify', '--quiet', 'HEAD').status === 0;

/** Stages a plaintext .env and a harmless file; returns a function that drops the .env again. */
function stageLeakAndReadme(repo: TestRepo): () => void {
  repo.write('.env', LEAK);
  repo.write('README.md', '# app\n');
  repo.git('add', '.env', 'README.md');
  return () => repo.git('rm', '-q', '--cached', '.env');
}

describe('secrets-guard init in a plain repository', () => {
  it('writes an executable hook into .git/hooks that blocks a leak and passes a clean commit', () => {
    const repo = repoForTest();
    const out = init(repo);
    expect(out.status).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.lines[0]).toBe('wrote .git/hooks/pre-commit: runs secrets-guard check');
    expect(out.lines).toContain(NOT_INSTALLED_NOTE);
    const hook = join(repo.dir, '.git/hooks/pre-commit');
    expect(statSync(hook).mode & 0o111).toBe(0o111);
    expect(readFileSync(hook, 'utf8')).toMatch(/^#!\/bin\/sh\n/);

    const path = pathWithGuard();
    const unstageLeak = stageLeakAndReadme(repo);
    const blocked = gitWithPath(repo.dir, path, 'commit', '-m', 'leak');
    expect(blocked.status).toBe(1);
    expect(blocked.output).toMatch(/\.env\n.*plaintext-env-file/);
    // The blocked commit says how to get past it: allow one line, accept what exists, or bypass consciously.
    expect(blocked.output).toMatch(/`secrets-guard-allow` comment\n.*secrets-guard baseline.*\n.*git commit --no-verify\n/);
    expect(hasCommit(repo)).toBe(false);

    unstageLeak();
    const clean = gitWithPath(repo.dir, path, 'commit', '-m', 'clean');
    expect(clean.output).toMatch(/no secrets found in 1 file/);
    expect(clean.output).not.toMatch(/--no-verify/);
    expect(clean.status).toBe(0);
    expect(hasCommit(repo)).toBe(true);
  });

  it('fails closed with a clear message when the guard is not installed', () => {
    const repo = repoForTest();
    expect(BARE_PATH.split(':').some((dir) => existsSync(join(dir, 'secrets-guard')))).toBe(false);
    init(repo);
    repo.write('README.md', '# nothing secret\n');
    repo.git('add', 'README.md');
    const out = gitWithPath(repo.dir, BARE_PATH, 'commit', '-m', 'clean but unchecked');
    expect(out.status).toBe(1);
    expect(out.output).toMatch(
      /^secrets-guard: not installed \(neither node_modules\/\.bin\/secrets-guard nor secrets-guard on PATH\), so this commit is blocked\.$/m,
    );
    expect(out.output).toMatch(/npm install --save-dev secrets-guard.*git commit --no-verify/);
    expect(hasCommit(repo)).toBe(false);
  });

  it("prefers the project's node_modules/.bin/secrets-guard to one on PATH", () => {
    const repo = repoForTest();
    writeGuardShim(join(repo.dir, 'node_modules/.bin/secrets-guard'));
    // A "guard" on PATH that lets everything through: had the hook used it, the leak would be committed.
    const fake = guardShimDir();
    cleanups.push(fake.cleanup);
    writeFileSync(join(fake.dir, 'secrets-guard'), '#!/bin/sh\nexit 0\n');
    expect(init(repo).lines).not.toContain(NOT_INSTALLED_NOTE);
    stageLeakAndReadme(repo);
    const out = gitWithPath(repo.dir, `${fake.dir}:${BARE_PATH}`, 'commit', '-m', 'leak');
    expect(out.output).toMatch(/plaintext-env-file/);
    expect(out.status).toBe(1);
    expect(hasCommit(repo)).toBe(false);
  });

  it('writes where core.hooksPath points, not into .git/hooks', () => {
    const repo = repoForTest();
    repo.git('config', 'core.hooksPath', 'ci/hooks');
    expect(init(repo).lines[0]).toBe('wrote ci/hooks/pre-commit: runs secrets-guard check');
    expect(existsSync(join(repo.dir, '.git/hooks/pre-commit'))).toBe(false);
    stageLeakAndReadme(repo);
    const out = gitWithPath(repo.dir, pathWithGuard(), 'commit', '-m', 'leak');
    expect(out.status).toBe(1);
    expect(out.output).toMatch(/plaintext-env-file/);
  });

  it('refuses a core.hooksPath from the global config (every repository would be blocked) unless --global', () => {
    const repo = repoForTest();
    const shared = guardShimDir(); // any directory outside the repository
    cleanups.push(shared.cleanup);
    const globalConfig = join(shared.dir, 'gitconfig');
    writeFileSync(globalConfig, `[core]\n\thooksPath = ${join(shared.dir, 'hooks')}\n`);
    const refused = repo.guard(['init'], { GIT_CONFIG_GLOBAL: globalConfig });
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /^secrets-guard: core\.hooksPath comes from your global git config \(.*\): a hook written there runs in every repository .* git config --local core\.hooksPath \.git\/hooks, .* secrets-guard init --global\n$/,
    );
    expect(existsSync(join(shared.dir, 'hooks/pre-commit'))).toBe(false);

    const out = repo.guard(['init', '--global'], { GIT_CONFIG_GLOBAL: globalConfig });
    expect(out.status).toBe(0);
    expect(out.stdout).toContain(`wrote ${join(shared.dir, 'hooks/pre-commit')}: runs secrets-guard check\n`);
    expect(out.stdout).toMatch(/^note: core\.hooksPath comes from your global git config/m);

    // The way out the message names: a local hooks path wins over the global one, and init writes there.
    repo.git('config', '--local', 'core.hooksPath', '.git/hooks');
    const local = repo.guard(['init'], { GIT_CONFIG_GLOBAL: globalConfig });
    expect(local.stdout.split('\n')[0]).toBe('wrote .git/hooks/pre-commit: runs secrets-guard check');
  });

  it('run from a package in a monorepo folder, the hook finds the guard that package installs', () => {
    const repo = repoForTest();
    repo.write('package.json', '{"private": true, "workspaces": []}\n');
    repo.write('infra/package.json', '{"name": "infra", "private": true, "devDependencies": {"secrets-guard": "^0.1.0"}}\n');
    writeGuardShim(join(repo.dir, 'infra/node_modules/.bin/secrets-guard'));
    const out = spawnSync(process.execPath, [BIN, 'init'], { cwd: join(repo.dir, 'infra'), env: isolatedEnv({ PATH: BARE_PATH }), encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(out.stdout.split('\n').slice(0, 2)).toEqual([
      'wrote .git/hooks/pre-commit: runs secrets-guard check',
      'note: the hook runs secrets-guard from infra/node_modules/.bin (the package init ran in), or from PATH',
    ]);
    expect(out.stdout).not.toContain(NOT_INSTALLED_NOTE);
    // No secrets-guard on PATH, nor in the top's node_modules: only infra/ has it, and the hook must use it.
    const unstageLeak = stageLeakAndReadme(repo);
    const blocked = gitWithPath(repo.dir, BARE_PATH, 'commit', '-m', 'leak');
    expect(blocked.output).toMatch(/\.env\n.*plaintext-env-file/);
    expect(blocked.output).not.toMatch(/not installed/);
    expect(blocked.status).toBe(1);
    unstageLeak();
    expect(gitWithPath(repo.dir, BARE_PATH, 'commit', '-m', 'clean').status).toBe(0);
  });

  it('puts the hook of a linked worktree where git looks for it (the common directory)', () => {
    const repo = repoForTest();
    repo.git('commit', '-q', '--allow-empty', '-m', 'base');
    const worktree = `${repo.dir}-wt`;
    cleanups.push(() => rmSync(worktree, { recursive: true, force: true }));
    repo.git('worktree', 'add', '-q', worktree);
    const out = gitWithPath(worktree, BARE_PATH, 'rev-parse', '--git-path', 'hooks');
    expect(out.output.trim()).toBe(join(repo.dir, '.git/hooks'));
    expect(guardIn(worktree, ['init']).stdout).toContain(`wrote ${join(repo.dir, '.git/hooks/pre-commit')}`);
    expect(existsSync(join(repo.dir, '.git/hooks/pre-commit'))).toBe(true);
  });
});

/** The built CLI with another working directory than a TestRepo's own (a linked worktree). */
function guardIn(dir: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: isolatedEnv(env), encoding: 'utf8' });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('secrets-guard init next to an existing hook', () => {
  /** A hook of the team's own: records that it ran, and fails when asked to (.git/fail-foreign). */
  const FOREIGN_HOOK = '#!/bin/sh\necho ran >> .git/foreign-ran\n[ ! -f .git/fail-foreign ]\n';

  it('keeps it as pre-commit.local and runs it first, then the guard', () => {
    const repo = repoForTest();
    repo.write('.git/hooks/pre-commit', FOREIGN_HOOK);
    chmodSync(join(repo.dir, '.git/hooks/pre-commit'), 0o755);
    const out = init(repo);
    expect(out.status).toBe(0);
    expect(out.lines[0]).toBe(
      'moved the existing .git/hooks/pre-commit to .git/hooks/pre-commit.local and wrote .git/hooks/pre-commit: runs it first, then secrets-guard check',
    );
    expect(repo.read('.git/hooks/pre-commit.local')).toBe(FOREIGN_HOOK);
    expect(statSync(join(repo.dir, '.git/hooks/pre-commit.local')).mode & 0o111).toBe(0o111);

    const path = pathWithGuard();
    const unstageLeak = stageLeakAndReadme(repo);
    const blocked = gitWithPath(repo.dir, path, 'commit', '-m', 'leak');
    expect(blocked.status).toBe(1);
    expect(blocked.output).toMatch(/plaintext-env-file/);
    expect(repo.read('.git/foreign-ran')).toBe('ran\n');

    unstageLeak();
    repo.write('.git/fail-foreign', '');
    const foreignFails = gitWithPath(repo.dir, path, 'commit', '-m', 'clean, but the team hook says no');
    expect(foreignFails.status).toBe(1);
    expect(foreignFails.output).not.toMatch(/no secrets found/); // stopped before the guard ran

    rmSync(join(repo.dir, '.git/fail-foreign'));
    const clean = gitWithPath(repo.dir, path, 'commit', '-m', 'clean');
    expect(clean.status).toBe(0);
    expect(repo.read('.git/foreign-ran')).toBe('ran\nran\nran\n');
  });

  it('refuses, changing nothing, when pre-commit.local is taken too or a hook manager owns the hook', () => {
    const repo = repoForTest();
    repo.write('.git/hooks/pre-commit', FOREIGN_HOOK);
    repo.write('.git/hooks/pre-commit.local', FOREIGN_HOOK);
    let before = repo.fingerprint();
    let out = init(repo);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(
      'secrets-guard: .git/hooks/pre-commit and .git/hooks/pre-commit.local both exist: merge your checks into .git/hooks/pre-commit.local by hand, then run secrets-guard init again\n',
    );
    expect(repo.fingerprint()).toBe(before);

    rmSync(join(repo.dir, '.git/hooks/pre-commit.local'));
    repo.write(
      '.git/hooks/pre-commit',
      '#!/usr/bin/env bash\n# File generated by pre-commit: https://pre-commit.com\n# ID: 138fd403232d2ddd5efb44317e38bf03\n',
    );
    before = repo.fingerprint();
    out = init(repo);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(
      /^secrets-guard: \.git\/hooks\/pre-commit is managed by the pre-commit framework: add secrets-guard there instead \(the secrets-guard hook id in \.pre-commit-config\.yaml\)\n$/,
    );
    expect(repo.fingerprint()).toBe(before);
  });
});

describe('secrets-guard init is idempotent and --dry-run changes nothing', () => {
  const setups: Record<string, (repo: TestRepo) => void> = {
    'a plain repository': () => {},
    'a repository with its own hook': (repo) => {
      repo.write('.git/hooks/pre-commit', '#!/bin/sh\ntrue\n');
      chmodSync(join(repo.dir, '.git/hooks/pre-commit'), 0o755);
    },
    'a repository with a .gitignore missing a newline': (repo) => repo.write('.gitignore', 'node_modules/\n.env'),
  };

  for (const [name, setup] of Object.entries(setups)) {
    it(`${name}: a second run changes nothing, byte for byte`, () => {
      const repo = repoForTest();
      setup(repo);
      expect(init(repo, '--gitignore').status).toBe(0);
      const afterFirst = repo.fingerprint();
      const second = init(repo, '--gitignore');
      expect(second.status).toBe(0);
      expect(repo.fingerprint()).toBe(afterFirst);
      expect(second.lines.filter((line) => !line.startsWith('note: '))).toEqual([
        'unchanged: .git/hooks/pre-commit already runs secrets-guard check',
        'unchanged: .gitignore already lists .env *.tfstate* *.dec.* *.decrypted.* keys.txt',
      ]);
    });

    it(`${name}: --dry-run describes the steps and leaves every byte alone`, () => {
      const repo = repoForTest();
      setup(repo);
      const before = repo.fingerprint();
      const dry = init(repo, '--dry-run', '--gitignore');
      expect(dry.status).toBe(0);
      expect(repo.fingerprint()).toBe(before);
      expect(dry.lines[0]).toMatch(/^would (write|move) /);
      expect(dry.lines.at(-1)).toMatch(/^would add to \.gitignore: /);
      // The real run then does exactly what was announced.
      const real = init(repo, '--gitignore');
      expect(real.lines.map((line) => line.replace(/^would (\w+)/, (_, verb: string) => PAST[verb] ?? verb))).toEqual(real.lines);
      expect(dry.lines.map((line) => line.replace(/^would (\w+)/, (_, verb: string) => PAST[verb] ?? verb))).toEqual(real.lines);
    });
  }
  const PAST: Record<string, string> = { write: 'wrote', move: 'moved', add: 'added' };

  it('only suggests .gitignore lines without --gitignore, listing just the missing ones', () => {
    const repo = repoForTest();
    repo.write('.gitignore', '.env\nkeys.txt\n');
    const out = init(repo);
    expect(out.lines.at(-1)).toBe('suggestion: .gitignore does not list *.tfstate* *.dec.* *.decrypted.* (add them with secrets-guard init --gitignore)');
    expect(repo.read('.gitignore')).toBe('.env\nkeys.txt\n');
    init(repo, '--gitignore');
    expect(repo.read('.gitignore')).toBe(
      '.env\nkeys.txt\n# Plaintext secrets, added by `secrets-guard init --gitignore`\n*.tfstate*\n*.dec.*\n*.decrypted.*\n',
    );
  });
});

describe('secrets-guard init errors', () => {
  it('outside a repository: exit 2, one line on stderr', () => {
    const dir = makeRepo({ init: false });
    cleanups.push(() => dir.cleanup());
    const out = dir.guard(['init']);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^secrets-guard: not a git repository/);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('with paths: exit 2', () => {
    const out = init(repoForTest(), 'src');
    expect(out.status).toBe(2);
    expect(out.stderr).toBe("secrets-guard: too many arguments for 'init'. Expected 0 arguments but got 1: src. (see secrets-guard init --help)\n");
  });
});
