/**
 * The command line a commit hook runs on every commit, `secrets-guard check` and nothing more, read without loading
 * commander (most of the CLI's code, and its load time on every commit). Anything else goes through the full parser
 * (program.ts); test/cli/command-line.test.ts checks that both read `check` the same way.
 */
import type { ParsedCommandLine } from './command-line.js';

export function hookCheck(argv: readonly string[]): ParsedCommandLine | undefined {
  if (argv.length !== 1 || argv[0] !== 'check') return undefined;
  return { command: 'check', paths: [], options: { format: 'stylish', ruleOverrides: new Map() } };
}
