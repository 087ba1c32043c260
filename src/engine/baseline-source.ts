/**
 * Where a scan's baseline comes from: `--baseline-file` on disk, else `.secrets-guard-baseline.json` from the
 * same source as the files (the index in staged mode, the commit in range mode), like the other configs.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BASELINE_FILE, parseBaseline, type Baseline } from '../baseline/format.js';
import { ConfigError } from '../errors.js';
import type { ScanPlan } from './plan.js';

export interface BaselineChoice {
  /** `--baseline-file PATH`, relative to `cwd`. */
  readonly path?: string;
  readonly cwd: string;
  /** The baseline command scans without one, to see every finding. */
  readonly disabled?: boolean;
}

/** `note` hears of a baseline in the work tree that the index does not hold as it is (unstagedBaseline). */
export async function loadBaseline(plan: ScanPlan, choice: BaselineChoice | undefined, note?: (text: string) => void): Promise<Baseline | undefined> {
  if (choice?.disabled) return undefined;
  if (choice?.path) {
    const text = await readFile(resolve(choice.cwd, choice.path), 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new ConfigError(`--baseline-file ${choice.path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    });
    return parseBaseline(text, choice.path);
  }
  const bytes = await plan.readSupportFile(BASELINE_FILE);
  if (plan.origin === 'index' && note) {
    const unstaged = await unstagedBaseline(plan.root, bytes);
    if (unstaged) note(unstaged);
  }
  return bytes ? parseBaseline(bytes.toString('utf8'), BASELINE_FILE) : undefined;
}

/**
 * A check of the index reads the baseline from the index, like every config. One that is only in the work tree
 * (never staged, or changed since) accepts nothing, and a commit blocked by findings the user just accepted must
 * say why.
 */
async function unstagedBaseline(root: string, staged: Buffer | undefined): Promise<string | undefined> {
  const onDisk = await readFile(join(root, BASELINE_FILE)).catch(() => undefined);
  if (!onDisk || staged?.equals(onDisk)) return undefined;
  const what = staged ? 'has changes that are not staged: the staged version was used' : 'is on disk but not staged: it was not used';
  return `${BASELINE_FILE} ${what} (the check reads the index); stage it with git add to use it`;
}
