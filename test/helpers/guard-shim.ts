/**
 * Stand-ins for an installed secrets-guard, for hooks run by a real `git commit`: an executable script that runs
 * this project's build with the node running the tests (the hook's PATH may hold an older node).
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, isolatedEnv } from './git-repo.js';

/** Writes an executable `secrets-guard` at `path` that runs the built CLI. */
export function writeGuardShim(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(path, 0o755);
}

/** A directory holding only the shim, to put on PATH; `cleanup` removes it. */
export function guardShimDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sg-shim-'));
  writeGuardShim(join(dir, 'secrets-guard'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The system's own directories and nothing else: no secrets-guard anywhere on this PATH. */
export const BARE_PATH = '/usr/local/bin:/usr/bin:/bin';

/** Runs `git` in `dir` with the isolated test environment and the given PATH (the hooks inherit it). */
export function gitWithPath(dir: string, path: string, ...args: string[]): { status: number; output: string } {
  const r = spawnSync('git', args, { cwd: dir, env: isolatedEnv({ PATH: path }), encoding: 'utf8' });
  return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}
