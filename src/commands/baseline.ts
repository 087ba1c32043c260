/**
 * `secrets-guard baseline [--prune]`: adopt the guard on a repository that already has findings. Scans every
 * tracked file and accepts what it finds into `.secrets-guard-baseline.json` (rule, path and a salted hash of the
 * secret: never the secret, never a line number), which `check` then skips. `--prune` drops entries that no
 * longer match anything. Reads and writes the file in the work tree: it is meant to be reviewed and committed.
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
import type { CommandHandler } from './command.js';
import { lint } from '../engine/lint.js';
import { UsageError } from '../errors.js';
import { openRepository } from '../git/repository.js';
import { scanOptions } from './check.js';

export const baseline: CommandHandler = async (cli, io) => {
  if (cli.paths.length > 0 || cli.options.range) throw new UsageError('baseline scans every tracked file: it takes no paths or --range');
  const repo = await openRepository(io.cwd, io.env);
  const path = cli.options['baseline-file'] ? resolve(io.cwd, cli.options['baseline-file']) : resolve(repo.root, BASELINE_FILE);
  const shown = relative(io.cwd, path) || path;
  const existing = await readExisting(path, shown);
  if (cli.options.prune && !existing) throw new UsageError(`--prune: there is no baseline at ${shown} yet`);
  const salt = existing?.salt ?? newBaselineSalt();
  const result = await lint({
    ...scanOptions(cli, io, { kind: 'all' }),
    baseline: { cwd: io.cwd, disabled: true }, // see every finding, accepted or not
    salt,
  });
  const before = existing?.entries.length ?? 0;
  const next = cli.options.prune
    ? pruneBaseline(existing!, applyBaseline(result.findings, existing!).stale)
    : existing
      ? mergeIntoBaseline(existing, result.findings)
      : createBaseline(result.findings, salt);
  const text = serializeBaseline(next);
  const after = parseBaseline(text).entries.length;
  const change = cli.options.prune ? `${before - after} pruned` : `${after - before} added`;
  return {
    exitCode: 0,
    stdout: `wrote ${shown}: ${after} entr${after === 1 ? 'y' : 'ies'} (${change}); commit it so check skips them\n`,
    stderr: '',
    files: [{ path, text }],
  };
};

async function readExisting(path: string, shown: string): Promise<Baseline | undefined> {
  try {
    return parseBaseline(await readFile(path, 'utf8'), shown);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
