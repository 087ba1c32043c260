/**
 * The CLI's boundary with the process: what `run()` gets (arguments aside) and what it gives back. bin.ts fills it
 * from the real process; tests fill it by hand, so the whole command line runs in-process without a terminal.
 */

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
  /** Files the command wants written (the report for --output, the baseline). */
  readonly files: ReadonlyArray<{ readonly path: string; readonly text: string }>;
}

export function textOutcome(exitCode: CliOutcome['exitCode'], stdout: string, stderr = ''): CliOutcome {
  return { exitCode, stdout, stderr, files: [] };
}
