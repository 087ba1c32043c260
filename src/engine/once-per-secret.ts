/**
 * One secret, one finding. Several detectors may see the same token: a specific one (a token format, a private
 * key) and a generic one (a credential assignment, entropy). Findings arrive in registry order, and:
 * - a secret detector's finding at exactly the span an earlier detector's finding covers is dropped (an AWS key id
 *   that secretlint, with its `enableIDScanRule` on, and token-formats both report); a file rule's finding at the
 *   same span (a `.env` value) says something else and does not count;
 * - a fallback rule's finding is dropped in a file a specific rule's whole-file error covers, on a line where a
 *   specific rule reported, and where its span overlaps a
 *   finding an earlier fallback rule kept (generic-credential names what it saw; high-entropy-string comes after).
 * "Another rule" is another rule family (the ruleId before its `/`): a rule's own findings never silence each other.
 * A hostile file can hold tens of thousands of findings, so each candidate is checked against indexes of what was
 * kept (spans by exact position, fallback spans by family) rather than against every kept finding.
 */
import type { PositionedFinding } from './run-rule.js';
import { IntervalSet } from '../util/interval-set.js';

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
  /** `index:endIndex` of each kept detector finding -> the families that reported it. */
  const familiesAtSpan = new Map<string, Set<string>>();
  /** Kept fallback detector findings' spans, by family. */
  const fallbackSpans = new Map<string, IntervalSet>();
  const kept: PositionedFinding[] = [];
  for (const { finding, fallback, detector } of found) {
    if (fallback && (wholeFileError || specificLines.has(finding.line))) continue;
    const start = finding.index;
    if (!detector || start === undefined) {
      kept.push(finding);
      continue;
    }
    const end = finding.endIndex;
    const family = familyOf(finding.ruleId);
    const spanKey = `${start}:${end}`;
    const atSpan = familiesAtSpan.get(spanKey);
    if (atSpan && (atSpan.size > 1 || !atSpan.has(family))) continue;
    if (fallback && end !== undefined && [...fallbackSpans].some(([other, spans]) => other !== family && spans.overlaps(start, end))) continue;
    kept.push(finding);
    if (atSpan) atSpan.add(family);
    else familiesAtSpan.set(spanKey, new Set([family]));
    if (fallback && end !== undefined) {
      let spans = fallbackSpans.get(family);
      if (!spans) fallbackSpans.set(family, (spans = new IntervalSet()));
      spans.add(start, end);
    }
  }
  return kept;
}

const familyOf = (ruleId: string): string => {
  const slash = ruleId.indexOf('/');
  return slash === -1 ? ruleId : ruleId.slice(0, slash);
};
