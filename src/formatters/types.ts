import type { Rule, ScanResult } from '../types.js';

export interface FormatContext {
  readonly color: boolean;
  /** Rule metadata for formats that describe rules (SARIF). */
  readonly rules: readonly Rule<unknown>[];
  readonly toolVersion: string;
  /** When the scan started and ended, for formats that record it (GitLab); the caller reads the clock. */
  readonly scanStart?: Date;
  readonly scanEnd?: Date;
  /** The scan judges a commit about to be made (a pre-commit hook): a failing report says how to get past it. */
  readonly commitHints?: boolean;
}

/** A formatter is a pure function from results to text; only bin.ts writes. */
export type Formatter = (result: ScanResult, context: FormatContext) => string;
