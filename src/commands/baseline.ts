/**
 * `secrets-guard baseline [--prune] [--dry-run]`: adopt the guard on a repository that already has findings. Scans every
 * tracked file and accepts what it finds into `.secrets-guard-baseline.json` (rule, path and a salted hash of the
 * secret: never the secret, never a line number), which `check` then skips. `--prune` drops entries that no
 * longer match anything; `--dry-run` says what the file would hold and writes nothing. Reads and writes the file in
 * the work tree: it is meant to be reviewed and committed.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import {
  applyBaseline,
  BASELINE_FILE,
  createBaseline,
  mergeIntoBaseline,
  newBaselineSalt,
  parseBaseline,
  pruneBaseline,
  serializeBaseline,
  type Baseline,
} from '../baseline/index.js';
import type { BaselineCommand } from '../cli/command-line.js';
import type { CliIo, CliOutcome } from '../cli/io.js';
import { lint } from '../engine/lint.js';
import { UsageError } from '../errors.js';
import { openRepository } from '../git/repository.js';
import { scanOptions } from './check.js';

export async function baseline({ options }: BaselineCommand, io: CliIo): Promise<CliOutcome> {
  const repo = await openRepository(io.cwd, io.env);
  const path = options.baselineFile ? resolve(io.cwd, options.baselineFile) : resolve(repo.root, BASELINE_FILE);
  const shown = relative(io.cwd, path) || path;
  const existing = await readExisting(path, shown);
  if (options.prune && !existing) throw new UsageError(`--prune: there is no baseline at ${shown} yet`);
  const salt = existing?.salt ?? newBaselineSalt();
  const result = await lint({
    ...scanOptions(options, io, { kind: 'all' }),
    baseline: { cwd: io.cwd, disabled: true }, // see every finding, accepted or not
    salt,
  });
  const before = existing?.entries.length ?? 0;
  const next = options.prune
    ? pruneBaseline(existing!, applyBaseline(result.findings, existing!).stale)
    : existing
      ? mergeIntoBaseline(existing, result.findings)
      : createBaseline(result.findings, salt);
  const text = serializeBaseline(next);
  const after = parseBaseline(text).entries.length;
  const change = options.prune ? `${before - after} pruned` : `${after - before} added`;
  const entries = `${after} entr${after === 1 ? 'y' : 'ies'} (${change})`;
  if (options.dryRun) return { exitCode: 0, stdout: `would write ${shown}: ${entries}; nothing written (--dry-run)\n`, stderr: '', files: [] };
  return { exitCode: 0, stdout: `wrote ${shown}: ${entries}; commit it so check skips them\n`, stderr: '', files: [{ path, text }] };
}

async function readExisting(path: string, shown: string): Promise<Baseline | undefined> {
  try {
    return parseBaseline(await readFile(path, 'utf8'), shown);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
