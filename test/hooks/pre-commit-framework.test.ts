/**
 * The real pre-commit framework (https://pre-commit.com) installs this repository as a hook repository from
 * `.pre-commit-hooks.yaml`: it clones it, `npm install`s it (the prepare script builds dist/), `npm pack`s it and
 * installs the tarball, then runs `secrets-guard check FILE...` on the staged files of another repository. With
 * npm scripts disabled nothing is built at install, and the hook builds itself from the shipped sources.
 *
 * pre-commit clones a commit, so the test commits a snapshot of this working tree (tracked and untracked files,
 * minus .gitignore'd ones: what a fresh clone of main holds in CI) into a temp repository, without touching this
 * repository's index or refs. Slow (npm installs the project twice): each run gets minutes.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv, makeRepo, PROJECT_ROOT, type TestRepo } from '../helpers/git-repo.js';
import { snapshotWorkingTree, systemNodeBin } from '../helpers/project-snapshot.js';

const PRE_COMMIT_RUN_MS = 300_000;
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const title = hasPreCommit
  ? 'pre-commit framework: this repository as a hook repository'
  : 'pre-commit framework (SKIPPED: the `pre-commit` command is not installed; .ci/run installs it with apt-get)';

describe.skipIf(!hasPreCommit)(title, () => {
  let work: string;
  let hookRepo: string;
  let rev: string;
  let env: NodeJS.ProcessEnv;
  let target: TestRepo | undefined;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'sg-pre-commit-'));
    hookRepo = join(work, 'secrets-guard');
    rev = snapshotWorkingTree(hookRepo);
    env = isolatedEnv({ PATH: `${systemNodeBin(join(work, 'bin'))}${delimiter}${process.env.PATH}`, PRE_COMMIT_HOME: join(work, 'pre-commit-home') });
  });
  afterAll(() => {
    target?.cleanup();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** `pre-commit try-repo` of the snapshot, in the target repository, on its staged files. */
  function tryRepo(repo: TestRepo, extraEnv: NodeJS.ProcessEnv = {}): { status: number; output: string } {
    const r = spawnSync('pre-commit', ['try-repo', hookRepo, 'secrets-guard', '--ref', rev, '--color', 'never'], {
      cwd: repo.dir,
      env: { ...env, ...extraEnv },
      encoding: 'utf8',
      timeout: PRE_COMMIT_RUN_MS - 10_000,
    });
    return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
  }

  it('accepts the manifest', () => {
    const r = spawnSync('pre-commit', ['validate-manifest', join(PROJECT_ROOT, '.pre-commit-hooks.yaml')], { env, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('blocks a staged plaintext .env', { timeout: PRE_COMMIT_RUN_MS }, () => {
    target = makeRepo();
    target.write('.env', 'DB_PASSWORD=prod-Zk8q9pLw2mX\n');
    target.write('README.md', '# app\n');
    target.git('add', '.env', 'README.md');
    const out = tryRepo(target);
    expect(out.output).toMatch(/^secrets-guard \(plaintext secrets in a SOPS repository\)\.+Failed$/m);
    expect(out.output).toMatch(/\.env\n.*plaintext-env-file/);
    expect(out.output).not.toContain('prod-Zk8q9pLw2mX'); // the value itself is never shown
    expect(out.status).toBe(1);
  });

  it('passes a correctly encrypted sops file', { timeout: PRE_COMMIT_RUN_MS }, () => {
    target?.cleanup();
    target = makeRepo();
    mkdirSync(join(target.dir, 'secrets'));
    copyFileSync(join(PROJECT_ROOT, 'test/fixtures/sops/humphd-sops-age/tests/data/secret.enc.env'), join(target.dir, 'secrets/app.enc.env'));
    target.write('README.md', '# app\n');
    target.git('add', 'secrets/app.enc.env', 'README.md');
    const out = tryRepo(target);
    expect(out.output).toMatch(/^secrets-guard \(plaintext secrets in a SOPS repository\)\.+Passed$/m);
    expect(out.status).toBe(0);
  });

  it('works with npm scripts disabled, pinned to a commit: the hook builds itself from its sources at first run', { timeout: PRE_COMMIT_RUN_MS }, () => {
    target?.cleanup();
    target = makeRepo();
    // The README's configuration, pinned to a commit sha (no release tag exists yet).
    target.write('.pre-commit-config.yaml', `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: secrets-guard\n`);
    target.write('.env', 'DB_PASSWORD=prod-Zk8q9pLw2mX\n');
    target.git('add', '.pre-commit-config.yaml', '.env');
    // A store of its own (try-repo's is temporary), installed without npm running `prepare`: nothing is built.
    const home = join(work, 'pre-commit-home-no-scripts');
    const r = spawnSync('pre-commit', ['run', '--color', 'never'], {
      cwd: target.dir,
      env: { ...env, PRE_COMMIT_HOME: home, npm_config_ignore_scripts: 'true' },
      encoding: 'utf8',
      timeout: PRE_COMMIT_RUN_MS - 10_000,
    });
    const output = `${r.stdout}${r.stderr}`;
    expect(output).toMatch(/^secrets-guard \(plaintext secrets in a SOPS repository\)\.+Failed$/m);
    expect(output).toMatch(/\.env\n.*plaintext-env-file/);
    expect(r.status).toBe(1);
    const installed = readdirSync(home, { recursive: true }).map(String);
    expect(installed.filter((f) => /node_modules\/secrets-guard\/dist\/(src|bundle)\/bin\.js$/.test(f)).map((f) => f.replace(/^.*node_modules\//, ''))).toEqual(
      ['secrets-guard/dist/src/bin.js'],
    );
  });
});
