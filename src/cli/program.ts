/**
 * The command line, parsed by commander: each command declares its own options, so an option another command takes
 * (`check --dry-run`, `init --format`) is a usage error like a misspelt one, with commander's "did you mean".
 * commander never prints or exits here: its output is captured and every usage error becomes exit 2.
 */
import { Command, CommanderError, Option } from 'commander';
import { formatters } from '../formatters/index.js';
import { escapeControl } from '../util/terminal-text.js';
import type { BaselineCommand, CheckCommand, ParsedCommandLine, PreReceiveCommand } from './command-line.js';
import { COMMANDS, PROGRAM, type CommandSpec } from './help-text.js';
import { textOutcome, type CliOutcome } from './io.js';
import { attributeOf, ruleOverridesFrom, type CliRuleFlag } from './rule-flags.js';

/** What a command line comes to: a command to run, the rule list, or an outcome already (help, version, usage error). */
type CommandLine = { readonly run: ParsedCommandLine } | { readonly listRules: true } | { readonly outcome: CliOutcome };

/** Thrown from commander's option events to stop parsing: `--version` and `--list-rules` need no command. */
const VERSION = 'secrets-guard.version';
const LIST_RULES = 'secrets-guard.listRules';

export async function parseCommandLine(argv: readonly string[], loadRuleFlags: () => Promise<CliRuleFlag[]>, version: () => string): Promise<CommandLine> {
  const plain = buildProgram([]);
  // A bare `secrets-guard` is not a scan: like git and npm, it prints the help and fails (2: 1 means findings here).
  if (argv.length === 0) return { outcome: textOutcome(2, buildProgram(await loadRuleFlags()).program.helpInformation()) };
  const { program, output, parsed } = needsRuleFlags(argv, plain.program) ? buildProgram(await loadRuleFlags()) : plain;
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === VERSION) return { outcome: textOutcome(0, `${version()}\n`) };
    if (error.code === LIST_RULES) return { listRules: true };
    // Help asked for (`help`, `--help`, `help <command>`) went to stdout: exit 0. (`help <unknown>` wrote to stderr.)
    if (error.code === 'commander.helpDisplayed' || (error.code === 'commander.help' && output.stdout !== ''))
      return { outcome: textOutcome(0, output.stdout) };
    return { outcome: usageError(error, argv) };
  }
  const line = parsed();
  if (!line) throw new Error('the command line parsed to no command');
  return { run: line };
}

/**
 * The rules' flags load only when the line may name one (an option the CLI does not define itself) or asks for
 * help: `secrets-guard check` in a hook starts git before the rules load.
 */
function needsRuleFlags(argv: readonly string[], program: Command): boolean {
  const known = new Set([program, ...program.commands].flatMap((c) => c.options.map((o) => o.long)));
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  return argv[0] === 'help' || options.some((a) => a === '-h' || (a.startsWith('--') && !known.has(a.split('=')[0])));
}

interface Captured {
  stdout: string;
  stderr: string;
}

function buildProgram(ruleFlags: readonly CliRuleFlag[]): { program: Command; output: Captured; parsed: () => ParsedCommandLine | undefined } {
  const output: Captured = { stdout: '', stderr: '' };
  let line: ParsedCommandLine | undefined;
  const program = configure(new Command(PROGRAM.name), output)
    .description(PROGRAM.description)
    .usage('<command> [options]')
    .helpCommand('help [command]', 'show the help of a command')
    .addHelpText('after', PROGRAM.after);
  program.option('-v, --version', 'print the version').on('option:version', () => stop(VERSION));
  program.option('--list-rules', 'list the rules with their default severities').on('option:list-rules', () => stop(LIST_RULES));

  // commander's values are untyped: the options each command declares here give them the shape its type in
  // command-line.ts names, with the rule flags' values turned into rule options (scanValues).
  const scanned = (values: Record<string, unknown>) => scanValues(values, ruleFlags) as unknown;

  const check = command(program, COMMANDS.check, output).argument('[paths...]', 'files on disk to check (literal paths, no globs)');
  check.option('--all', 'check every tracked file (repository lint, for CI) instead of the staged files');
  check.option('--range <A..B>', 'check every commit of a range, e.g. origin/main..HEAD (pull requests)');
  reportOptions(check);
  scanOptions(check, ruleFlags, { commits: true });
  check.action((paths: string[], values: Record<string, unknown>) => {
    line = { command: 'check', paths, options: scanned(values) as CheckCommand['options'] };
  });

  const preReceive = command(program, COMMANDS['pre-receive'], output);
  reportOptions(preReceive);
  scanOptions(preReceive, ruleFlags, { commits: true });
  preReceive.action((values: Record<string, unknown>) => void (line = { command: 'pre-receive', options: scanned(values) as PreReceiveCommand['options'] }));

  const baseline = command(program, COMMANDS.baseline, output);
  baseline.option('--prune', 'drop the entries that no longer match anything');
  baseline.option('--dry-run', 'say what the baseline would hold and write nothing');
  scanOptions(baseline, ruleFlags, { commits: false });
  baseline.action((values: Record<string, unknown>) => void (line = { command: 'baseline', options: scanned(values) as BaselineCommand['options'] }));

  const init = command(program, COMMANDS.init, output);
  init.option('--dry-run', 'print what it would do and change nothing');
  init.option('--gitignore', 'also add the missing .gitignore lines (.env, *.tfstate*, *.dec.*, *.decrypted.*, keys.txt)');
  init.option('--global', 'write the hook even where core.hooksPath comes from your global or system git config (every repository)');
  init.action((values: Record<string, unknown>) => void (line = { command: 'init', options: values }));
  return { program, output, parsed: () => line };
}

function configure(cmd: Command, output: Captured): Command {
  return cmd
    .exitOverride()
    .helpOption('-h, --help', 'show this help')
    .configureOutput({
      writeOut: (text) => void (output.stdout += text),
      writeErr: (text) => void (output.stderr += text),
      outputError: () => {}, // the message comes back as exit 2 with one line (usageError)
      getOutHelpWidth: () => 100,
      getErrHelpWidth: () => 100,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    });
}

function command(program: Command, spec: CommandSpec, output: Captured): Command {
  return configure(program.command(spec.name), output).description(spec.summary).addHelpText('after', spec.after);
}

function reportOptions(cmd: Command): void {
  cmd.addOption(
    new Option('-f, --format <name>', 'report format (github: Actions annotations; gitlab: secret detection report)')
      .choices(Object.keys(formatters))
      .default('stylish'),
  );
  cmd.option('-o, --output <file>', 'write the report to FILE; the exit code is unchanged');
  cmd.option('--color', 'colour the report, whatever the environment says');
  cmd.option('--no-color', 'no colour, whatever the environment says (default: colour on a terminal; NO_COLOR, FORCE_COLOR honoured)');
  cmd.option('-q, --quiet', 'no progress line on stderr');
}

function scanOptions(cmd: Command, ruleFlags: readonly CliRuleFlag[], { commits }: { commits: boolean }): void {
  cmd.option('--sops-config <path>', 'use this .sops.yaml for every file instead of the nearest one');
  cmd.option('--max-file-size <size>', 'skip (with a note) files larger than this, e.g. 10MiB (default 5MiB)');
  cmd.option(
    '--age-key-file <path>',
    'age identities for MAC verification (also read: SOPS_AGE_KEY, SOPS_AGE_KEY_FILE, SOPS_AGE_KEY_CMD, ~/.config/sops/age/keys.txt)',
  );
  cmd.option('--baseline-file <path>', 'baseline file (default .secrets-guard-baseline.json)');
  if (commits)
    cmd.option(
      '--allow-secretlintrc-modules',
      'with commits (--range, pre-receive): load the rule packages a committed .secretlintrc names (installed ones only)',
    );
  for (const flag of ruleFlags) cmd.option(`--${flag.name}`, `${flag.description} (rule ${flag.ruleId})`);
}

/** The rule flags' values become rule options; the flags themselves are not passed on. */
function scanValues(values: Record<string, unknown>, ruleFlags: readonly CliRuleFlag[]): Record<string, unknown> {
  const rest = { ...values };
  for (const flag of ruleFlags) delete rest[attributeOf(flag.name)];
  return { ...rest, ruleOverrides: ruleOverridesFrom(ruleFlags, values) };
}

function stop(code: string): never {
  throw new CommanderError(0, code, code);
}

/** One line, exit 2, pointing at the help of the command that was given (or the program's). */
function usageError(error: CommanderError, argv: readonly string[]): CliOutcome {
  // `help <unknown command>`: commander prints the overview; one line says why.
  if (error.code === 'commander.help')
    return textOutcome(2, '', `secrets-guard: unknown command '${escapeControl(argv[1] ?? '')}' (see secrets-guard --help)\n`);
  const message = error.message.replace(/^error: /, '').replace(/\n\(Did you mean (.+)\?\)$/, ' (did you mean $1?)');
  const named = Object.keys(COMMANDS).find((c) => c === argv[0]);
  const help = named ? `secrets-guard ${named} --help` : 'secrets-guard --help';
  return textOutcome(2, '', `secrets-guard: ${escapeControl(message.replace(/\n/g, ' '))} (see ${help})\n`);
}
