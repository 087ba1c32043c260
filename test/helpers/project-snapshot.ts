/**
 * This project as a stranger gets it: a git repository holding a commit of the working tree as it is (what a
 * fresh clone of main holds in CI: tracked and untracked files, minus .gitignore'd ones such as dist/), and npm
 * run as in a fresh shell. For the slow tests that install the project with the real npm and the pre-commit
 * framework.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { isolatedEnv, PROJECT_ROOT } from './git-repo.js';

/** Whether `npm` runs here; the install tests skip (with the reason in their title) when it does not. */
export const hasNpm = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;

/**
 * Commits this working tree as it is into a new repository at `dest` and returns the commit: `git add -A` with
 * the new repository's index and object directory, so this repository's own index, objects and refs stay as they are.
 */
export function snapshotWorkingTree(dest: string): string {
  const env = isolatedEnv();
  execFileSync('git', ['init', '-q', dest], { env });
  const into = isolatedEnv({ GIT_INDEX_FILE: join(dest, '.git/index'), GIT_OBJECT_DIRECTORY: join(dest, '.git/objects') });
  execFileSync('git', ['add', '-A'], { cwd: PROJECT_ROOT, env: into });
  execFileSync('git', ['commit', '-q', '--no-verify', '-m', 'snapshot of the working tree'], { cwd: dest, env });
  return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dest, env, encoding: 'utf8' }).trim();
}

/**
 * pre-commit uses the system's node only if node and npm are on PATH outside the home directory (a node under
 * $HOME, like this project's CI cache of node 22, makes it download one), and nodeenv prefers `nodejs` to `node`.
 * A directory of links to the node running the tests and to npm settles both.
 */
export function systemNodeBin(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const npm = (process.env.PATH ?? '')
    .split(delimiter)
    .map((d) => join(d, 'npm'))
    .find((p) => existsSync(p));
  if (!npm) throw new Error('npm is not on PATH');
  symlinkSync(process.execPath, join(dir, 'node'));
  symlinkSync(process.execPath, join(dir, 'nodejs'));
  symlinkSync(npm, join(dir, 'npm'));
  return dir;
}

/** Runs a command the way a user's shell would (isolated git config), returning its status and output. */
export function runIn(cwd: string, env: NodeJS.ProcessEnv, cmd: string, args: string[], timeout: number): { status: number; output: string } {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout });
  return { status: r.status ?? -1, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? `\n${r.error.message}` : ''}` };
}
