/** What a caller asks the engine for (lint.ts): the mode, the repository, and the options the CLI passes through. */
import type { AgeKeySources } from './age-key-sources.js';
import type { BaselineChoice } from './baseline-source.js';
import type { RunProgress } from './run-progress.js';

export type ScanMode =
  | { kind: 'staged' }
  | { kind: 'all' }
  | { kind: 'paths'; paths: readonly string[] }
  /** `--range A..B`: every commit of the range. */
  | { kind: 'range'; range: string }
  /** pre-receive: the commits a push brings. */
  | { kind: 'push'; updates: ReadonlyArray<{ oldOid: string; newOid: string; ref: string }> };

export interface LintOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly mode: ScanMode;
  /** `--sops-config PATH`. */
  readonly sopsConfig?: string;
  /** `--max-file-size`, over the config's. */
  readonly maxFileSize?: number;
  /** Options the CLI sets per rule id. */
  readonly ruleOverrides?: ReadonlyMap<string, Record<string, unknown>>;
  /** age identities: explicit ones, and whether to read sops' own sources (env, keys file). */
  readonly ageKeys?: AgeKeySources;
  /** `--allow-secretlintrc-modules`: load the packages a `.secretlintrc` read from a commit names (--range, pre-receive). */
  readonly allowSecretlintrcModules?: boolean;
  /** Salt for finding fingerprints (a baseline's own); random otherwise. */
  readonly salt?: string;
  /** Called as files are scanned, with the run's totals (every commit of a range). */
  readonly onProgress?: (progress: RunProgress) => void;
  /** Which baseline suppresses accepted findings (default: the repository's own file, when it has one). */
  readonly baseline?: BaselineChoice;
  /** Worker threads for large scans; 0 scans in the main thread. Default: one per core but one, at most 4. */
  readonly threads?: number;
}
