/** A parsed command line: the command and the options that command takes (cli/program.ts builds it). */
import type { FormatName } from '../formatters/index.js';
import type { RuleOverrides } from './rule-flags.js';

/** Options of every command that scans: check, pre-receive, baseline. */
export interface ScanFlags {
  readonly sopsConfig?: string;
  readonly maxFileSize?: string;
  readonly ageKeyFile?: string;
  readonly baselineFile?: string;
  readonly allowSecretlintrcModules?: boolean;
  /** Rule options set by the flags rules declare (meta.flags), by rule id. */
  readonly ruleOverrides: RuleOverrides;
}

/** Options of the commands that print a report: check, pre-receive. */
export interface ReportFlags {
  readonly format: FormatName;
  readonly output?: string;
  /** `--color` (true) or `--no-color` (false); undefined: decided by the environment (cli/terminal.ts). */
  readonly color?: boolean;
  readonly quiet?: boolean;
}

export interface CheckCommand {
  readonly command: 'check';
  readonly paths: readonly string[];
  readonly options: ScanFlags & ReportFlags & { readonly all?: boolean; readonly range?: string };
}

export interface PreReceiveCommand {
  readonly command: 'pre-receive';
  readonly options: ScanFlags & ReportFlags;
}

export interface BaselineCommand {
  readonly command: 'baseline';
  readonly options: ScanFlags & { readonly prune?: boolean; readonly dryRun?: boolean };
}

export interface InitCommand {
  readonly command: 'init';
  readonly options: { readonly dryRun?: boolean; readonly global?: boolean; readonly gitignore?: boolean };
}

export type ParsedCommandLine = CheckCommand | PreReceiveCommand | BaselineCommand | InitCommand;
