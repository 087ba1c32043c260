/**
 * `--format json`: one stable object. Fields documented in the README; `commit` appears only in range mode.
 * Fingerprints stay inside: they serve the baseline, and a report is no place for even a salted hash of a secret.
 */
import { jsonForTerminal } from '../util/terminal-text.js';
import type { Formatter } from './types.js';

export const json: Formatter = (result) =>
  jsonForTerminal({
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      path: f.path,
      line: f.line,
      column: f.column,
      message: f.message,
      ...(f.commit ? { commit: f.commit } : {}),
    })),
    skipped: result.skipped,
    summary: result.summary,
  }) + '\n';
