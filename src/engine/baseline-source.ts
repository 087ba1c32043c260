/**
 * Where a scan's baseline comes from: `--baseline-file` on disk, else `.secrets-guard-baseline.json` from the
 * same source as the files (the index in staged mode, the commit in range mode), like the other configs.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
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

export async function loadBaseline(plan: ScanPlan, choice: BaselineChoice | undefined): Promise<Baseline | undefined> {
  if (choice?.disabled) return undefined;
  if (choice?.path) {
    const text = await readFile(resolve(choice.cwd, choice.path), 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new ConfigError(`--baseline-file ${choice.path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    });
    return parseBaseline(text, choice.path);
  }
  const bytes = await plan.readSupportFile(BASELINE_FILE);
  return bytes ? parseBaseline(bytes.toString('utf8'), BASELINE_FILE) : undefined;
}
