/** `secrets-guard check`: staged files (default), every tracked file (--all), a commit range, or named paths. */
import { resolve } from 'node:path';
import type { CheckCommand, ReportFlags, ScanFlags } from '../cli/command-line.js';
import type { CliIo, CliOutcome } from '../cli/io.js';
import { terminalProgress } from '../cli/progress.js';
import { wantsColor, wantsProgress } from '../cli/terminal.js';
import { parseSize } from '../config/guard-config.js';
import { keyEnvironment } from '../engine/age-key-sources.js';
import { lint, type LintOptions, type ScanMode } from '../engine/lint.js';
import { UsageError } from '../errors.js';
import { formatters } from '../formatters/index.js';
import { toolVersion } from '../version.js';

export async function check(cli: CheckCommand, io: CliIo): Promise<CliOutcome> {
  return report(cli.options, io, scanMode(cli));
}

function scanMode({ options, paths }: CheckCommand): ScanMode {
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
  if (!Number.isInteger(threads) || threads < 0 || threads > 64)
    throw new UsageError(`SECRETS_GUARD_THREADS must be a whole number from 0 to 64, got "${raw}"`);
  return { threads };
}

/** What every scanning command passes the engine, from the command line and the environment. */
export function scanOptions(options: ScanFlags, io: CliIo, mode: ScanMode): LintOptions {
  return {
    cwd: io.cwd,
    env: io.env,
    mode,
    ...threadsFrom(io.env),
    ageKeys: { env: keyEnvironment(io.env), ...(options.ageKeyFile ? { ageKeyFile: resolve(io.cwd, options.ageKeyFile) } : {}) },
    baseline: { cwd: io.cwd, ...(options.baselineFile ? { path: options.baselineFile } : {}) },
    ...(options.sopsConfig ? { sopsConfig: options.sopsConfig } : {}),
    ...(options.maxFileSize !== undefined ? { maxFileSize: parseSize(options.maxFileSize, 'command line', '--max-file-size') } : {}),
    ...(options.allowSecretlintrcModules ? { allowSecretlintrcModules: true } : {}),
    ...(options.ruleOverrides.size > 0 ? { ruleOverrides: options.ruleOverrides } : {}),
  };
}

/** Runs a scan and renders it; shared by check and pre-receive. */
export async function report(options: ScanFlags & ReportFlags, io: CliIo, mode: ScanMode): Promise<CliOutcome> {
  const long = mode.kind !== 'staged' && mode.kind !== 'paths';
  const progress = long && io.writeStderr && wantsProgress(io, options.quiet === true) ? terminalProgress(io.writeStderr) : undefined;
  const lintOptions = scanOptions(options, io, mode);
  const scanStart = new Date();
  const result = await lint(progress ? { ...lintOptions, onProgress: progress.update } : lintOptions).finally(() => progress?.finish());
  // The rules' descriptions, for the reporters: the scan has loaded them by now.
  const { ruleRegistry } = await import('../engine/rule-registry.js');
  const color = wantsColor(options.color, io, options.output !== undefined);
  const text = formatters[options.format](result, {
    color,
    rules: [...ruleRegistry.values()],
    toolVersion: toolVersion(),
    scanStart,
    scanEnd: new Date(),
    commitHints: mode.kind === 'staged' || mode.kind === 'paths',
  });
  const exitCode = result.summary.errors > 0 ? 1 : 0;
  if (options.output) return { exitCode, stdout: '', stderr: '', files: [{ path: options.output, text }] };
  return { exitCode, stdout: text, stderr: '', files: [] };
}
