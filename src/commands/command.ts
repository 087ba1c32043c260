/**
 * What a command is, shared by the CLI that dispatches (cli.ts) and the handlers in this directory: the I/O a
 * handler gets and the outcome it returns. Its own module, so that no command imports cli.ts.
 */
import type { ParsedCommandLine } from '../cli-options.js';

export interface CliIo {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Whether stdout / stderr are terminals (colour, progress). */
  readonly stdoutIsTty: boolean;
  readonly stderrIsTty: boolean;
  /** Live writes to stderr (progress), for commands that run long. */
  readonly writeStderr?: (text: string) => void;
  /** Standard input, for pre-receive. */
  readonly readStdin?: () => Promise<string>;
}

export interface CliOutcome {
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
  /** Files the command wants written (the report for --output). */
  readonly files: ReadonlyArray<{ readonly path: string; readonly text: string }>;
}

export type CommandHandler = (cli: ParsedCommandLine, io: CliIo) => Promise<CliOutcome>;
