/**
 * Installing secrets-guard as the README says, with the real npm, before any release is on the registry: the packed
 * tarball (the bundle inside, installed with --ignore-scripts), and a git URL (with npm scripts, whose `prepare`
 * builds it, and without, where the launcher builds it from the shipped sources at first run). Each install then
 * checks a real repository through `npx secrets-guard check`.
 *
 * Slow: npm installs the dependencies from the registry (or its cache), and a git URL install with scripts
 * installs the dev dependencies to build. Each step gets minutes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, isolatedEnv, makeRepo, PROJECT_ROOT, type TestRepo } from '../helpers/git-repo.js';
import { hasNpm, runIn, snapshotWorkingTree } from '../helpers/project-snapshot.js';

const NPM_MS = 300_000;
const LEAK = 'DB_PASSWORD=prod-Zk8q9pLw2mX\n';
const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const title = hasNpm ? 'installing the package with npm' : 'installing the package with npm (SKIPPED: `npm` is not on PATH)';

describe.skipIf(!hasNpm)(title, () => {
  let work: string;
  const env = isolatedEnv({ npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_prefer_offline: 'true' });
  const projects: TestRepo[] = [];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'sg-install-'));
  });
  afterAll(() => {
    for (const p of projects) p.cleanup();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  function npm(cwd: string, ...args: string[]): string {
    const r = runIn(cwd, env, 'npm', args, NPM_MS - 10_000);
    expect(r.status, r.output).toBe(0);
    return r.output;
  }

  /** A fresh project (a real git repository with a package.json) that installs secrets-guard from `spec`. */
  function projectWith(spec: string, ...npmFlags: string[]): TestRepo {
    const project = makeRepo();
    projects.push(project);
    project.write('package.json', `${JSON.stringify({ name: 'app', private: true }, null, 2)}\n`);
    project.write('.gitignore', 'node_modules/\n');
    npm(project.dir, 'install', '--save-dev', ...npmFlags, spec);
    return project;
  }

  /** `npx secrets-guard check`, verbatim from the README, on a staged plaintext .env, then on a clean index. */
  function expectGuardWorks(project: TestRepo): void {
    expect(runIn(project.dir, env, 'npx', ['secrets-guard', '--version'], 60_000).output.trim()).toBe(version);
    project.write('.env', LEAK);
    project.git('add', '.env', '.gitignore', 'package.json');
    const blocked = runIn(project.dir, env, 'npx', ['secrets-guard', 'check'], 60_000);
    expect(blocked.output).toMatch(/^\.env\n\s+1:13\s+error\s+plaintext env file .* plaintext-env-file$/m);
    expect(blocked.output).not.toContain('prod-Zk8q9pLw2mX');
    expect(blocked.status).toBe(1);
    project.git('rm', '-q', '--cached', '.env');
    const clean = runIn(project.dir, env, 'npx', ['secrets-guard', 'check'], 60_000);
    // A git URL pinned to a commit puts a 40-digit sha in package.json, which the entropy rule may warn about.
    expect(clean.output).toMatch(/no secrets found in 2 file\(s\)|\(0 error\(s\), \d+ warning\(s\)\) in 2 file\(s\)/);
    expect(clean.status).toBe(0);
  }

  /** A bare clone of a snapshot of this working tree, as `git+file://` URL pinned to its commit. */
  function gitUrl(): string {
    const snapshot = join(work, `snapshot-${projects.length}`);
    const rev = snapshotWorkingTree(snapshot);
    runIn(work, env, 'git', ['clone', '-q', '--bare', snapshot, `${snapshot}.git`], 60_000);
    return `git+file://${snapshot}.git#${rev}`;
  }

  it('npm pack: a tarball with the launcher, the built bundle, the sources, README and LICENSE, and nothing else', { timeout: NPM_MS }, () => {
    expect(existsSync(BIN), 'dist/bundle is missing: run `npm run build` first').toBe(true);
    // --ignore-scripts: packing must not rebuild dist/bundle under the other tests that run it.
    const [packed] = JSON.parse(npm(PROJECT_ROOT, 'pack', '--ignore-scripts', '--json', '--silent', '--pack-destination', work)) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    const files = packed!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/secrets-guard.js',
        'dist/bundle/bin.js',
        'dist/bundle/scan-worker.js',
        'src/bin.ts',
        'rules/index.ts',
        'README.md',
        'LICENSE',
        'package.json',
      ]),
    );
    expect(files.filter((f) => !/^(bin|dist\/bundle|src|rules)\//.test(f) && !['README.md', 'LICENSE', 'package.json'].includes(f))).toEqual([]);
  });

  it('the tarball installs into a fresh project with --ignore-scripts and runs its bundle, nothing built', { timeout: NPM_MS }, () => {
    const project = projectWith(join(work, `secrets-guard-${version}.tgz`), '--ignore-scripts');
    expectGuardWorks(project);
    expect(existsSync(join(project.dir, 'node_modules/secrets-guard/dist/src'))).toBe(false);
  });

  it('a git URL installs with npm scripts disabled; the first runs (in parallel) build it from the sources', { timeout: NPM_MS }, async () => {
    const project = projectWith(gitUrl(), '--ignore-scripts');
    const installed = join(project.dir, 'node_modules/secrets-guard');
    expect(existsSync(join(installed, 'dist'))).toBe(false);
    project.write('.env', LEAK);
    project.git('add', '.env');
    // The pre-commit framework starts several hook processes at once: each builds or finds the build complete.
    const runs = await Promise.all([1, 2, 3].map(() => runAsync(project.dir, env, ['secrets-guard', 'check', '--format', 'json'])));
    for (const run of runs) {
      expect(run.status, run.stderr).toBe(1);
      expect(JSON.parse(run.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['plaintext-env-file']);
    }
    expect(existsSync(join(installed, 'dist/src/bin.js'))).toBe(true);
    project.git('rm', '-q', '--cached', '.env');
    expectGuardWorks(project);
  });

  it('a git URL installs with npm scripts: prepare builds the bundle', { timeout: NPM_MS }, () => {
    const project = projectWith(gitUrl());
    expect(existsSync(join(project.dir, 'node_modules/secrets-guard/dist/bundle/bin.js'))).toBe(true);
    expectGuardWorks(project);
  });
});

/** `npx ...args`, not waiting for it: for runs that must overlap. */
function runAsync(cwd: string, env: NodeJS.ProcessEnv, args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}
