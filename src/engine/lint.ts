/**
 * The engine's entry point: turn a request (staged, --all, paths) into a plan, load the configuration from the
 * same source as the files, scan, and summarise (run-lint.ts). Knows git and the file system; the rules never do.
 */
import type { ScanResult } from '../types.js';
import type { LintOptions } from './lint-options.js';
import { startPathsCheck, startStagedCheck } from './sources/git-head-start.js';

export type { LintOptions, ScanMode } from './lint-options.js';

/**
 * A check run on every commit (staged files, or the paths a hook framework names) is mostly waiting, first for its
 * code to load, then for git: the git commands it needs are started before the scanner's modules load, so that git
 * works on another core meanwhile.
 */
export async function lint(options: LintOptions): Promise<ScanResult> {
  const { kind } = options.mode;
  const headStart = kind === 'staged' ? startStagedCheck(options.cwd, options.env) : kind === 'paths' ? startPathsCheck(options.cwd, options.env) : undefined;
  try {
    const { runLint } = await import('./run-lint.js');
    return await runLint(options, headStart);
  } finally {
    headStart?.close();
  }
}
