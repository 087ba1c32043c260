/**
 * husky (the real package from node_modules, version 9) in a temp repository with a package.json: init appends the
 * check to `.husky/pre-commit`, and real commits then go through husky's runner and the guard.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isolatedEnv, makeRepo, PROJECT_ROOT, type TestRepo } from '../helpers/git-repo.js';
import { BARE_PATH, gitWithPath, writeGuardShim } from '../helpers/guard-shim.js';

const HUSKY_BIN = join(PROJECT_ROOT, 'node_modules/husky/bin.js');
const LEAK = 'DB_PASSWORD=prod-Zk8q9pLw2mX\n';
const TEAM_CHECK = 'echo "team checks ran" >> .git/team-checks\n';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

/** A JavaScript project: package.json with husky, the guard installed as a dependency (node_modules/.bin). */
function nodeProject(): TestRepo {
  const r = makeRepo();
  r.write('package.json', `${JSON.stringify({ name: 'app', private: true, devDependencies: { husky: '^9.1.7', 'secrets-guard': '^0.1.0' } }, null, 2)}\n`);
  r.write('.gitignore', 'node_modules/\n');
  writeGuardShim(join(r.dir, 'node_modules/.bin/secrets-guard'));
  return r;
}

/** `npx husky` as the prepare script would run it: sets core.hooksPath to .husky/_ and writes husky's runner. */
function installHusky(r: TestRepo): void {
  const out = spawnSync(process.execPath, [HUSKY_BIN], { cwd: r.dir, env: isolatedEnv(), encoding: 'utf8' });
  expect(out.stderr).toBe('');
  expect(out.status).toBe(0);
  expect(r.git('config', 'core.hooksPath').trim()).toBe('.husky/_');
}

describe('secrets-guard init with husky', () => {
  it('appends the check to .husky/pre-commit; a real commit of a plaintext .env is blocked, a clean one passes', () => {
    repo = nodeProject();
    installHusky(repo);
    repo.write('.husky/pre-commit', TEAM_CHECK);
    const init = repo.guard(['init']);
    expect(init.status).toBe(0);
    expect(init.stdout.split('\n')[0]).toBe('appended secrets-guard check to .husky/pre-commit');
    expect(init.stdout).not.toMatch(/husky is not set up|package\.json does not list|neither in node_modules/);
    const hook = repo.read('.husky/pre-commit');
    expect(hook.startsWith(`${TEAM_CHECK}\n# secrets-guard, added by \`secrets-guard init\``)).toBe(true);
    expect(existsSync(join(repo.dir, '.git/hooks/pre-commit'))).toBe(false); // husky's directory, not git's default

    // No secrets-guard on PATH: husky's runner puts node_modules/.bin first, where the project installed it.
    repo.write('.env', LEAK);
    repo.write('src/index.js', 'export const answer = 42;\n');
    repo.git('add', '.env', 'src/index.js', 'package.json', '.gitignore', '.husky/pre-commit');
    const blocked = gitWithPath(repo.dir, BARE_PATH, 'commit', '-m', 'leak');
    expect(blocked.output).toMatch(/\.env\n.*plaintext-env-file/);
    expect(blocked.output).toMatch(/husky - pre-commit script failed \(code 1\)/);
    expect(blocked.status).toBe(1);
    expect(repo.tryGit('rev-parse', '--verify', '--quiet', 'HEAD').status).not.toBe(0);

    repo.git('rm', '-q', '--cached', '.env');
    const clean = gitWithPath(repo.dir, BARE_PATH, 'commit', '-m', 'clean');
    expect(clean.output).toMatch(/no secrets found in 4 file/);
    expect(clean.status).toBe(0);
    expect(repo.read('.git/team-checks')).toBe('team checks ran\nteam checks ran\n'); // the team's line still runs first
  });

  it('runs a second time without changing a byte', () => {
    repo = nodeProject();
    installHusky(repo);
    repo.guard(['init', '--gitignore']);
    const before = repo.fingerprint();
    const second = repo.guard(['init', '--gitignore']);
    expect(second.stdout.split('\n')[0]).toBe('unchanged: .husky/pre-commit already runs secrets-guard');
    expect(repo.fingerprint()).toBe(before);
  });

  it('creates .husky/pre-commit when husky is only a devDependency, and says husky still has to be set up', () => {
    repo = nodeProject();
    const out = repo.guard(['init']);
    expect(out.status).toBe(0);
    expect(out.stdout.split('\n').slice(0, 2)).toEqual([
      'created .husky/pre-commit: runs secrets-guard check',
      'note: husky is not set up in this clone (git runs hooks from .git/hooks): run `npx husky`, or `npm install` if the prepare script runs husky',
    ]);
    expect(readFileSync(join(repo.dir, '.husky/pre-commit'), 'utf8')).toMatch(/^#!\/bin\/sh\n# secrets-guard, added by/);
    expect(statSync(join(repo.dir, '.husky/pre-commit')).mode & 0o111).toBe(0o111);

    installHusky(repo); // now husky runs the file init created
    repo.write('.env', LEAK);
    repo.git('add', '.env');
    const blocked = gitWithPath(repo.dir, BARE_PATH, 'commit', '-m', 'leak');
    expect(blocked.status).toBe(1);
    expect(blocked.output).toMatch(/plaintext-env-file/);
  });

  it('warns when the existing hook ends before the appended block could run', () => {
    repo = nodeProject();
    installHusky(repo);
    repo.write('.husky/pre-commit', 'exec npx lint-staged');
    chmodSync(join(repo.dir, '.husky/pre-commit'), 0o644);
    const out = repo.guard(['init']);
    expect(out.stdout).toContain('note: .husky/pre-commit has an `exec` or `exit` line before the appended check: move the secrets-guard block above it, or it never runs\n');
    expect(repo.read('.husky/pre-commit')).toMatch(/^exec npx lint-staged\n\n# secrets-guard/);
  });
});
