/** `secrets-guard check`: staged files (default), every tracked file (--all), or named paths. */
import type { CommandHandler } from '../cli.js';
import { parseSize } from '../config/guard-config.js';
import { lint, ruleRegistry, type LintOptions, type ScanMode } from '../engine/lint.js';
import { UsageError } from '../errors.js';
import { formatters, isFormatName } from '../formatters/index.js';
import { toolVersion } from '../version.js';

export const check: CommandHandler = async (cli, io) => {
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
};
