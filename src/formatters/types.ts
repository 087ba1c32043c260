import type { Rule, ScanResult } from '../types.js';

export interface FormatContext {
  readonly color: boolean;
  /** Rule metadata for formats that describe rules (SARIF). */
  readonly rules: readonly Rule<unknown>[];
  readonly toolVersion: string;
}

/** A formatter is a pure function from results to text; only bin.ts writes. */
export type Formatter = (result: ScanResult, context: FormatContext) => string;
