/** The command line: one option table that parseArgs reads and the help text is written from. */
import { UsageError } from './errors.js';
import { nodeUtil } from './util/builtin.js';

export const COMMANDS = ['check', 'pre-receive', 'baseline', 'init'] as const;
export type Command = (typeof COMMANDS)[number];

export const OPTIONS = {
  all: { type: 'boolean', help: 'check every tracked file (repository lint, for CI) instead of the staged files' },
  range: { type: 'string', help: 'check every commit of a range, e.g. origin/main..HEAD (pull requests)' },
  format: { type: 'string', short: 'f', help: 'stylish (default), json, sarif, github (Actions annotations) or gitlab (secret detection report)' },
  output: { type: 'string', short: 'o', help: 'write the report to FILE; the exit code is unchanged' },
  color: { type: 'boolean', help: 'force colour (default: only on a terminal, never with NO_COLOR)' },
  'no-color': { type: 'boolean', help: 'no colour' },
  'sops-config': { type: 'string', help: 'use this .sops.yaml for every file instead of the nearest one' },
  'max-file-size': { type: 'string', help: 'skip (with a note) files larger than this, e.g. 10MiB (default 5MiB)' },
  'age-key-file': { type: 'string', help: 'age identities for MAC verification (also read: SOPS_AGE_KEY, SOPS_AGE_KEY_FILE, SOPS_AGE_KEY_CMD, ~/.config/sops/age/keys.txt)' },
  'require-verification': { type: 'boolean', help: 'a sops file whose MAC cannot be verified is an error' },
  'allow-secretlintrc-modules': { type: 'boolean', help: '--range, pre-receive: load the rule packages a committed .secretlintrc names (installed ones only; default: the bundled preset alone)' },
  'baseline-file': { type: 'string', help: 'baseline file (default .secrets-guard-baseline.json)' },
  prune: { type: 'boolean', help: 'baseline: drop entries that no longer match anything' },
  'dry-run': { type: 'boolean', help: 'init: print what it would do and change nothing' },
  global: { type: 'boolean', help: 'init: write the hook even where core.hooksPath comes from your global or system git config (every repository)' },
  gitignore: { type: 'boolean', help: 'init: also add the missing .gitignore lines (.env, *.tfstate*, *.dec.*, *.decrypted.*, keys.txt)' },
  quiet: { type: 'boolean', short: 'q', help: 'no progress or notes on stderr' },
  'list-rules': { type: 'boolean', help: 'list the rules with their default severities and exit' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
  version: { type: 'boolean', short: 'v', help: 'print the version' },
} as const;

export type ParsedOptions = {
  -readonly [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
};

export interface ParsedCommandLine {
  readonly command: Command;
  readonly paths: readonly string[];
  readonly options: ParsedOptions;
}

export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  let parsed;
  try {
    parsed = nodeUtil().parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [first, ...rest] = parsed.positionals;
  const isCommand = (COMMANDS as readonly string[]).includes(first ?? '');
  const command = (isCommand ? first : 'check') as Command;
  return { command, paths: isCommand ? rest : parsed.positionals, options: parsed.values as ParsedOptions };
}

export function helpText(): string {
  const rows = Object.entries(OPTIONS).map(([name, o]) => {
    const flag = `${'short' in o ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ' <value>' : ''}`;
    return `  ${flag.padEnd(30)} ${o.help}`;
  });
  return `secrets-guard: stop plaintext secrets before they reach git, in repositories that use SOPS

Usage:
  secrets-guard check                 check the staged files (what the next commit adds or changes)
  secrets-guard check --all           check every tracked file
  secrets-guard check PATH...         check these files as they are on disk (literal paths, no globs)
  secrets-guard check --range A..B    check every commit of a range (CI on pull requests)
  secrets-guard pre-receive           server-side hook: check the pushed commits (old new ref lines on stdin)
  secrets-guard baseline [--prune]    accept today's findings into .secrets-guard-baseline.json
  secrets-guard init [--gitignore]    set up the pre-commit hook here (husky's .husky/pre-commit, or git's hooks directory)

Options:
${rows.join('\n')}

Exit Status:
  0  no error-severity findings
  1  error-severity findings
  2  usage, configuration or git error, or an internal error (the guard fails closed)
`;
}
