/**
 * argv in, { exitCode, stdout, stderr, files } out. Neither prints nor exits: bin.ts does, so the whole command
 * line can be tested in-process. Knows the engine; the engine knows the rules.
 */
import { isKnownError, UsageError } from './errors.js';
import { parseSize } from './config/guard-config.js';
import { lint, ruleRegistry, type LintOptions, type ScanMode } from './engine/lint.js';
import { RuleCrash } from './engine/scan.js';
import { formatters, isFormatName } from './formatters/index.js';
import { helpText, parseCommandLine, type ParsedCommandLine } from './cli-options.js';
import { toolVersion } from './version.js';

export interface CliIo {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Whether stdout / stderr are terminals (colour, progress). */
  readonly stdoutIsTty: boolean;
  readonly stderrIsTty: boolean;
}

export interface CliOutcome {
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
  /** Files the command wants written (the report for --output). */
  readonly files: ReadonlyArray<{ readonly path: string; readonly text: string }>;
}

export async function run(argv: readonly string[], io: CliIo): Promise<CliOutcome> {
  try {
    const cli = parseCommandLine(argv);
    if (cli.options.help) return done(0, helpText());
    if (cli.options.version) return done(0, `${toolVersion()}\n`);
    if (cli.options['list-rules']) return done(0, listRules());
    return await check(cli, io);
  } catch (error) {
    return failure(error);
  }
}

async function check(cli: ParsedCommandLine, io: CliIo): Promise<CliOutcome> {
  const { options } = cli;
  const format = options.format ?? 'stylish';
  if (!isFormatName(format)) throw new UsageError(`unknown format "${format}" (expected ${Object.keys(formatters).join(', ')})`);
  if (options.all && cli.paths.length > 0) throw new UsageError('--all checks every tracked file: give either --all or paths, not both');
  const mode: ScanMode = cli.paths.length > 0 ? { kind: 'paths', paths: cli.paths } : { kind: options.all ? 'all' : 'staged' };
  const lintOptions: LintOptions = {
    cwd: io.cwd,
    env: io.env,
    mode,
    ...(options['sops-config'] ? { sopsConfig: options['sops-config'] } : {}),
    ...(options['max-file-size'] ? { maxFileSize: parseSize(options['max-file-size'], 'command line', '--max-file-size') } : {}),
    ...(options['require-verification'] ? { ruleOverrides: new Map([['sops-mac-mismatch', { requireVerification: true }]]) } : {}),
  };
  const result = await lint(lintOptions);
  const color = !options.output && !options['no-color'] && !io.env.NO_COLOR && (options.color === true || io.stdoutIsTty);
  const report = formatters[format](result, { color, rules: [...ruleRegistry.values()], toolVersion: toolVersion() });
  const exitCode = result.summary.errors > 0 ? 1 : 0;
  if (options.output) return { exitCode, stdout: '', stderr: '', files: [{ path: options.output, text: report }] };
  return { exitCode, stdout: report, stderr: '', files: [] };
}

function listRules(): string {
  const rows = [...ruleRegistry.values()].map((r) => `${r.meta.id.padEnd(28)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.description}`);
  return rows.join('\n') + '\n';
}

function done(exitCode: 0 | 1 | 2, stdout: string): CliOutcome {
  return { exitCode, stdout, stderr: '', files: [] };
}

/** Every failure is exit 2 with one line on stderr; an unexpected one says so, so it is never mistaken for a pass. */
export function failure(error: unknown): CliOutcome {
  const message = isKnownError(error) || error instanceof RuleCrash ? error.message : `internal error: ${(error as Error)?.message ?? String(error)}`;
  const hint = error instanceof UsageError ? ' (see secrets-guard --help)' : '';
  return { exitCode: 2, stdout: '', stderr: `secrets-guard: ${message.split('\n')[0]}${hint}\n`, files: [] };
}
