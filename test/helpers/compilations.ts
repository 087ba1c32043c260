/**
 * Runs the built CLI with count-compilations.mjs preloaded: what it returns, and how many times each pattern was
 * compiled as a JavaScript RegExp and by re2js. A watchdog stops a run that hangs (a backtracking blow-up), so a
 * regression fails the test instead of stalling the suite.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, isolatedEnv, type TestRepo } from './git-repo.js';

const PRELOAD = new URL('./count-compilations.mjs', import.meta.url).href;
const WATCHDOG_MS = 50_000;

export interface CountedRun {
  /** null when the watchdog stopped the run. */
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Times each source was compiled as a RegExp (`new RegExp`). */
  readonly regexps: ReadonlyMap<string, number>;
  /** Times each pattern was compiled by re2js. */
  readonly re2: ReadonlyMap<string, number>;
}

export function guardCountingCompilations(repo: TestRepo, args: readonly string[]): CountedRun {
  const dir = mkdtempSync(join(tmpdir(), 'sg-count-'));
  const file = join(dir, 'counts.json');
  try {
    const run = spawnSync(process.execPath, ['--import', PRELOAD, BIN, ...args], {
      cwd: repo.dir,
      env: isolatedEnv({ COUNT_COMPILATIONS_FILE: file }),
      encoding: 'utf8',
      timeout: WATCHDOG_MS,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status === null)
      return { status: null, stdout: run.stdout, stderr: `${run.stderr}\n(stopped by the watchdog: ${run.signal})`, regexps: new Map(), re2: new Map() };
    const counts = JSON.parse(readFileSync(file, 'utf8')) as { regexps: Record<string, number>; re2: Record<string, number> };
    return {
      status: run.status,
      stdout: run.stdout,
      stderr: run.stderr,
      regexps: new Map(Object.entries(counts.regexps)),
      re2: new Map(Object.entries(counts.re2)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
