/**
 * argv in, { exitCode, stdout, stderr, files } out. Neither prints nor exits: bin.ts does, so the whole command
 * line can be tested in-process with a fake CliIo. Knows the commands; they know the engine.
 */
import { isKnownError, RuleCrash, UsageError } from './errors.js';
import type { ParsedCommandLine } from './cli/command-line.js';
import { textOutcome, type CliIo, type CliOutcome } from './cli/io.js';
import { hookCheck } from './cli/hook-command.js';
import { registryRuleFlags } from './cli/rule-flags.js';
import { check } from './commands/check.js';
import { escapeControl } from './util/terminal-text.js';
import { toolVersion } from './version.js';

export type { CliIo, CliOutcome } from './cli/io.js';

export async function run(argv: readonly string[], io: CliIo): Promise<CliOutcome> {
  try {
    const hook = hookCheck(argv);
    if (hook) return await dispatch(hook, io);
    const { parseCommandLine } = await import('./cli/program.js');
    const line = await parseCommandLine(argv, registryRuleFlags, toolVersion);
    if ('outcome' in line) return line.outcome;
    if ('listRules' in line) return textOutcome(0, await listRules());
    return await dispatch(line.run, io);
  } catch (error) {
    return failure(error);
  }
}

/** `check` runs on every commit and is loaded with the CLI; the other commands load when they are asked for. */
async function dispatch(cli: ParsedCommandLine, io: CliIo): Promise<CliOutcome> {
  switch (cli.command) {
    case 'check':
      return check(cli, io);
    case 'pre-receive':
      return (await import('./commands/pre-receive.js')).preReceive(cli, io);
    case 'baseline':
      return (await import('./commands/baseline.js')).baseline(cli, io);
    case 'init':
      return (await import('./commands/init.js')).init(cli, io);
  }
}

async function listRules(): Promise<string> {
  const { ruleRegistry } = await import('./engine/rule-registry.js');
  const rows = [...ruleRegistry.values()].map((r) => `${r.meta.id.padEnd(28)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.description}`);
  return rows.join('\n') + '\n';
}

/**
 * Every failure is exit 2 with one line on stderr; an unexpected one says so, so it is never mistaken for a pass.
 * The line may name repository paths and keys: control characters in it are escaped before it reaches a terminal.
 */
export function failure(error: unknown): CliOutcome {
  const message = isKnownError(error) || error instanceof RuleCrash ? error.message : `internal error: ${(error as Error)?.message ?? String(error)}`;
  const hint = error instanceof UsageError ? ' (see secrets-guard --help)' : '';
  return textOutcome(2, '', `secrets-guard: ${escapeControl(message.split('\n')[0]!)}${hint}\n`);
}
