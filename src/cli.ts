/**
 * argv in, { exitCode, stdout, stderr, files } out. Neither prints nor exits: bin.ts does, so the whole command
 * line can be tested in-process. Knows the engine; the engine knows the rules.
 */
import { isKnownError, RuleCrash, UsageError } from './errors.js';
import { helpText, parseCommandLine, type Command } from './cli-options.js';
import { check } from './commands/check.js';
import type { CliIo, CliOutcome, CommandHandler } from './commands/command.js';
import { escapeControl } from './util/terminal-text.js';
import { toolVersion } from './version.js';

/** One module per command in src/commands/; adding a command is a line here and one in cli-options.ts. */
const COMMAND_HANDLERS: Record<Command, CommandHandler> = {
  check,
  // The other commands load on demand: the pre-commit hook runs `check` on every commit and should not pay for them.
  'pre-receive': async (cli, io) => (await import('./commands/pre-receive.js')).preReceive(cli, io),
  baseline: async (cli, io) => (await import('./commands/baseline.js')).baseline(cli, io),
  init: async (cli, io) => (await import('./commands/init.js')).init(cli, io),
};

export async function run(argv: readonly string[], io: CliIo): Promise<CliOutcome> {
  try {
    const cli = parseCommandLine(argv);
    if (cli.options.help) return done(0, helpText());
    if (cli.options.version) return done(0, `${toolVersion()}\n`);
    if (cli.options['list-rules']) return done(0, await listRules());
    return await COMMAND_HANDLERS[cli.command](cli, io);
  } catch (error) {
    return failure(error);
  }
}

async function listRules(): Promise<string> {
  const { ruleRegistry } = await import('./engine/rule-registry.js');
  const rows = [...ruleRegistry.values()].map((r) => `${r.meta.id.padEnd(28)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.description}`);
  return rows.join('\n') + '\n';
}

function done(exitCode: 0 | 1 | 2, stdout: string): CliOutcome {
  return { exitCode, stdout, stderr: '', files: [] };
}

/**
 * Every failure is exit 2 with one line on stderr; an unexpected one says so, so it is never mistaken for a pass.
 * The line may name repository paths and keys: control characters in it are escaped before it reaches a terminal.
 */
export function failure(error: unknown): CliOutcome {
  const message = isKnownError(error) || error instanceof RuleCrash ? error.message : `internal error: ${(error as Error)?.message ?? String(error)}`;
  const hint = error instanceof UsageError ? ' (see secrets-guard --help)' : '';
  return { exitCode: 2, stdout: '', stderr: `secrets-guard: ${escapeControl(message.split('\n')[0]!)}${hint}\n`, files: [] };
}
