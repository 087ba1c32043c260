/**
 * One secret, one finding. Several detectors may see the same token: a specific one (a token format, a private
 * key) and a generic one (a credential assignment, entropy). Findings arrive in registry order, and:
 * - a secret detector's finding at exactly the span an earlier detector's finding covers is dropped (an AWS key id
 *   that secretlint, with its `enableIDScanRule` on, and token-formats both report); a file rule's finding at the
 *   same span (a `.env` value) says something else and does not count;
 * - a fallback rule's finding is dropped in a file a specific rule's whole-file error covers, on a line where a
 *   specific rule reported, and where its span overlaps a
 *   finding an earlier fallback rule kept (generic-credential names what it saw; high-entropy-string comes after).
 */
import type { PositionedFinding } from './run-rule.js';

export interface RuleFinding {
  readonly finding: PositionedFinding;
  readonly fallback: boolean;
  /** The rule detects secrets by content (`skipsCiphertext`), rather than judging a file. */
  readonly detector: boolean;
}

export function oncePerSecret(found: readonly RuleFinding[]): PositionedFinding[] {
  const specificLines = new Set(found.filter((k) => !k.fallback).map((k) => k.finding.line));
  // An error about the file as a whole (a plaintext .env, a file a creation rule covers that is not encrypted) already
  // says everything in it must not be committed; a warning does not block, so it never silences a fallback's finding.
  const wholeFileError = found.some((k) => !k.fallback && k.finding.wholeFile === true && k.finding.severity === 'error');
  const kept: RuleFinding[] = [];
  for (const candidate of found) {
    const { finding, fallback, detector } = candidate;
    if (fallback && (wholeFileError || specificLines.has(finding.line))) continue;
    const clash = kept.some(({ finding: other, fallback: otherFallback, detector: otherDetector }) => {
      if (!detector || !otherDetector || other.ruleId.split('/')[0] === finding.ruleId.split('/')[0] || finding.index === undefined || other.index === undefined) return false;
      if (other.index === finding.index && other.endIndex === finding.endIndex) return true;
      return fallback && otherFallback && finding.index < other.endIndex! && other.index < finding.endIndex!;
    });
    if (!clash) kept.push(candidate);
  }
  return kept.map((k) => k.finding);
}
