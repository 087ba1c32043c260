/** Sorting and counting: findings in a stable order (path, line, column, rule), and the summary every format shows. */
import type { Finding, ScanResult } from '../types.js';
import type { PlanScan } from './scan.js';

export interface VerificationTally {
  readonly verified: ReadonlySet<string>;
  readonly unverifiable: ReadonlySet<string>;
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.commit ?? '', b.commit ?? '') || compareText(a.path, b.path) || a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId)
  );
}

/**
 * Code-unit order: the same on every machine, unlike `localeCompare`, whose first call also pays for the collator's
 * set-up, a noticeable part of a staged check.
 */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function summarise(scan: PlanScan, verification: VerificationTally, extraNotes: readonly string[] = []): ScanResult {
  const findings = [...scan.findings].sort(compareFindings);
  const skipped = [...scan.skipped].sort((a, b) => (a.path < b.path ? -1 : 1));
  const notes = [...extraNotes];
  if (scan.allowedByComment > 0) notes.push(`${scan.allowedByComment} finding(s) suppressed by allow comments`);
  const verified = verification.verified.size;
  const unverifiable = verification.unverifiable.size;
  if (verified + unverifiable > 0) {
    notes.push(`sops MAC verified for ${verified} file(s); ${unverifiable} could not be verified (no matching age identity)`);
  }
  return {
    findings,
    skipped,
    summary: {
      filesScanned: scan.filesScanned,
      filesSkipped: skipped.length,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      notes,
    },
  };
}
