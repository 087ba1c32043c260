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
import { huskyBlock } from '../../src/init/hook-text.js';

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

  it('puts the check before an `exit` line, where it runs: a real commit with a leak is blocked', () => {
    repo = nodeProject();
    installHusky(repo);
    repo.write('.husky/pre-commit', `${TEAM_CHECK}exit 0\n`);
    const out = repo.guard(['init']);
    expect(out.status).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('added secrets-guard check to .husky/pre-commit before its first `exit`/`exec` line, so that it runs');
    expect(repo.read('.husky/pre-commit')).toMatch(
      /^echo "team checks ran" >> \.git\/team-checks\n# secrets-guard, added by [\s\S]*"\$sg" check \|\| exit \$\?\n\nexit 0\n$/,
    );
    expect(repo.guard(['init']).stdout.split('\n')[0]).toBe('unchanged: .husky/pre-commit already runs secrets-guard');

    repo.write('.env', LEAK);
    repo.git('add', '.env', 'package.json');
    const blocked = gitWithPath(repo.dir, BARE_PATH, 'commit', '-m', 'leak');
    expect(blocked.output).toMatch(/plaintext-env-file/);
    expect(blocked.status).toBe(1);
    expect(repo.tryGit('rev-parse', '--verify', '--quiet', 'HEAD').status).not.toBe(0);
  });

  it('moves a block an earlier init appended after an `exit` line, where it never ran', () => {
    repo = nodeProject();
    installHusky(repo);
    repo.write('.husky/pre-commit', `exit 0\n\n${huskyBlock('')}`);
    const out = repo.guard(['init']);
    expect(out.stdout.split('\n')[0]).toBe('moved the secrets-guard block in .husky/pre-commit above its first `exit`/`exec` line: where it was, it never ran');
    expect(repo.read('.husky/pre-commit')).toBe(`${huskyBlock('')}\nexit 0\n\n`);
  });

  it('refuses (exit 2, nothing changed) when the `exit` line may sit inside an if, a loop or a function', () => {
    repo = nodeProject();
    installHusky(repo);
    const hook = 'if [ -n "$SKIP_CHECKS" ]; then\nexit 0\nfi\nnpx lint-staged\n';
    repo.write('.husky/pre-commit', hook);
    chmodSync(join(repo.dir, '.husky/pre-commit'), 0o755);
    const out = repo.guard(['init']);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(
      /^secrets-guard: \.husky\/pre-commit has an `exit` or `exec` line that may sit inside an if, a loop, a function or a here-document: add `secrets-guard check` by hand/,
    );
    expect(repo.read('.husky/pre-commit')).toBe(hook);
  });
});
