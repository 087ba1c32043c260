/**
 * Real git repositories in temp directories, isolated from the developer's git config (no global or system
 * config, fixed identity), in the manner of lint-staged's withGitIntegration.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(PROJECT_ROOT, 'dist/bundle/bin.js');

export const isolatedEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('GIT_') || key.startsWith('SOPS_')) delete env[key];
  return {
    ...env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
    NO_COLOR: '1',
    XDG_CONFIG_HOME: join(tmpdir(), 'sg-no-xdg-config'),
    ...extra,
  };
};

export interface TestRepo {
  readonly dir: string;
  git(...args: string[]): string;
  /** Runs git and returns its exit status and output instead of throwing. */
  tryGit(...args: string[]): { status: number; stdout: string; stderr: string };
  write(path: string, content: string | Buffer): void;
  read(path: string): string;
  /** Runs the built CLI in the repository. */
  guard(args: string[], env?: NodeJS.ProcessEnv): { status: number; stdout: string; stderr: string };
  /** Hash of everything `check` must leave alone: index, config, HEAD, refs and every work-tree file. */
  fingerprint(): string;
  cleanup(): void;
}

export function makeRepo(options: { init?: boolean } = {}): TestRepo {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'sg-repo-')));
  const env = isolatedEnv();
  const run = (cmd: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}) => {
    const r = spawnSync(cmd, args, { cwd: dir, env: { ...env, ...extraEnv }, encoding: 'utf8' });
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
  const repo: TestRepo = {
    dir,
    git: (...args) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' }),
    tryGit: (...args) => run('git', args),
    write(path, content) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    },
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    guard: (args, extraEnv = {}) => run(process.execPath, [BIN, ...args], extraEnv),
    fingerprint: () => fingerprintTree(dir),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  if (options.init !== false) repo.git('init', '-q', '--initial-branch', 'main');
  return repo;
}

function fingerprintTree(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = path.slice(root.length);
      if (rel.startsWith('/.git/objects') || rel.startsWith('/.git/logs')) continue;
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) hash.update(`${rel}\0link\0${readlinkSync(path)}`);
      else if (stat.isDirectory()) walk(path);
      else hash.update(`${rel}\0${stat.mode}\0`).update(readFileSync(path));
    }
  };
  walk(root);
  return hash.digest('hex');
}

/**
 * Adds `count` index entries (pkg/module-N/generated-file-M.txt) that all point at one small blob, with no files
 * behind them: a large index in a moment. The blob's source, filler.txt, is left in the work tree.
 */
export function addIndexFiller(repo: TestRepo, count: number): void {
  repo.write('filler.txt', 'x\n');
  const oid = repo.git('hash-object', '-w', 'filler.txt').trim();
  const entries = Array.from({ length: count }, (_, i) => `100644 ${oid}\tpkg/module-${Math.floor(i / 100)}/generated-file-${i}.txt\n`).join('');
  execFileSync('git', ['update-index', '--index-info'], { cwd: repo.dir, env: isolatedEnv(), input: entries });
}
