/** `secrets-guard check`: staged files (default), every tracked file (--all), a commit range, or named paths. */
import type { CliIo, CliOutcome, CommandHandler } from './command.js';
import type { ParsedCommandLine } from '../cli-options.js';
import { terminalProgress } from '../progress.js';
import { parseSize } from '../config/guard-config.js';
import { resolve } from 'node:path';
import { keyEnvironment } from '../engine/age-key-sources.js';
import { lint, type LintOptions, type ScanMode } from '../engine/lint.js';
import { UsageError } from '../errors.js';
import { formatters, isFormatName } from '../formatters/index.js';
import { toolVersion } from '../version.js';

export const check: CommandHandler = async (cli, io) => {
  const mode = scanMode(cli);
  return report(cli, io, mode);
};

function scanMode(cli: ParsedCommandLine): ScanMode {
  const { options, paths } = cli;
  const chosen = [options.all && '--all', options.range && '--range', paths.length > 0 && 'paths'].filter(Boolean);
  if (chosen.length > 1) throw new UsageError(`give only one of --all, --range or paths (got ${chosen.join(' and ')})`);
  if (options.range) return { kind: 'range', range: options.range };
  if (paths.length > 0) return { kind: 'paths', paths };
  return { kind: options.all ? 'all' : 'staged' };
}

/** SECRETS_GUARD_THREADS: worker threads for large scans (0: none), for benchmarks and constrained CI runners. */
function threadsFrom(env: NodeJS.ProcessEnv): { threads?: number } {
  const raw = env.SECRETS_GUARD_THREADS;
  if (raw === undefined || raw === '') return {};
  const threads = Number(raw);
  if (!Number.isInteger(threads) || threads < 0 || threads > 64) throw new UsageError(`SECRETS_GUARD_THREADS must be a whole number from 0 to 64, got "${raw}"`);
  return { threads };
}

/** What every scanning command passes the engine, from the command line and the environment. */
export function scanOptions(cli: ParsedCommandLine, io: CliIo, mode: ScanMode): LintOptions {
  const { options } = cli;
  return {
    cwd: io.cwd,
    env: io.env,
    mode,
    ...threadsFrom(io.env),
    ageKeys: { env: keyEnvironment(io.env), ...(options['age-key-file'] ? { ageKeyFile: resolve(io.cwd, options['age-key-file']) } : {}) },
    baseline: { cwd: io.cwd, ...(options['baseline-file'] ? { path: options['baseline-file'] } : {}) },
    ...(options['sops-config'] ? { sopsConfig: options['sops-config'] } : {}),
    ...(options['max-file-size'] !== undefined ? { maxFileSize: parseSize(options['max-file-size'], 'command line', '--max-file-size') } : {}),
    ...(options['allow-secretlintrc-modules'] ? { allowSecretlintrcModules: true } : {}),
    ...(options['require-verification'] ? { ruleOverrides: new Map([['sops-mac-mismatch', { requireVerification: true }]]) } : {}),
  };
}

/** Runs a scan and renders it; shared by check and pre-receive. */
export async function report(cli: ParsedCommandLine, io: CliIo, mode: ScanMode): Promise<CliOutcome> {
  const { options } = cli;
  const format = options.format ?? 'stylish';
  if (!isFormatName(format)) throw new UsageError(`unknown format "${format}" (expected ${Object.keys(formatters).join(', ')})`);
  const long = mode.kind !== 'staged' && mode.kind !== 'paths';
  const progress = long && io.stderrIsTty && !options.quiet && io.writeStderr ? terminalProgress(io.writeStderr) : undefined;
  const lintOptions = scanOptions(cli, io, mode);
  const scanStart = new Date();
  const result = await lint(progress ? { ...lintOptions, onFile: progress.onFile } : lintOptions).finally(() => progress?.finish());
  // The rules' descriptions, for the reporters: the scan has loaded them by now.
  const { ruleRegistry } = await import('../engine/rule-registry.js');
  const color = !options.output && !options['no-color'] && !io.env.NO_COLOR && (options.color === true || io.stdoutIsTty);
  const text = formatters[format](result, { color, rules: [...ruleRegistry.values()], toolVersion: toolVersion(), scanStart, scanEnd: new Date(), commitHints: mode.kind === 'staged' || mode.kind === 'paths' });
  const exitCode = result.summary.errors > 0 ? 1 : 0;
  if (options.output) return { exitCode, stdout: '', stderr: '', files: [{ path: options.output, text }] };
  return { exitCode, stdout: text, stderr: '', files: [] };
}
