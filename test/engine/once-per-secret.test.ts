import { describe, expect, it } from 'vitest';
import { oncePerSecret } from '../../src/engine/once-per-secret.js';
import type { PositionedFinding } from '../../src/engine/run-rule.js';

const at = (ruleId: string, line: number, index: number, endIndex: number): PositionedFinding => ({
  ruleId,
  severity: 'error',
  path: 'a',
  line,
  column: 1,
  message: 'm',
  index,
  endIndex,
});

describe('oncePerSecret', () => {
  it('drops a finding at the span an earlier rule reported', () => {
    const kept = oncePerSecret([
      { finding: at('secretlint/aws', 1, 10, 30), fallback: false, detector: true },
      { finding: at('token-formats/aws-access-key-id', 1, 10, 30), fallback: false, detector: true },
      { finding: at('token-formats/google-api-key', 1, 40, 79), fallback: false, detector: true },
    ]);
    expect(kept.map((f) => f.ruleId)).toEqual(['secretlint/aws', 'token-formats/google-api-key']);
  });

  it('drops fallback findings on a specific rule line, and a later fallback overlapping an earlier one', () => {
    const kept = oncePerSecret([
      { finding: at('generic-credential', 1, 5, 25), fallback: true, detector: true },
      { finding: at('high-entropy-string', 1, 6, 25), fallback: true, detector: true },
      { finding: at('token-formats/twilio', 2, 40, 74), fallback: false, detector: true },
      { finding: at('generic-credential', 2, 40, 74), fallback: true, detector: true },
      { finding: at('high-entropy-string', 3, 80, 100), fallback: true, detector: true },
    ]);
    expect(kept.map((f) => `${f.line} ${f.ruleId}`)).toEqual(['1 generic-credential', '2 token-formats/twilio', '3 high-entropy-string']);
  });

  it("does not drop a detector's finding at the span of a file rule's finding", () => {
    const kept = oncePerSecret([
      { finding: at('plaintext-env-file', 1, 10, 49), fallback: false, detector: false },
      { finding: at('token-formats/google-api-key', 1, 10, 49), fallback: false, detector: true },
    ]);
    expect(kept).toHaveLength(2);
  });

  it('drops fallback findings anywhere in a file a whole-file error covers, but not under a whole-file warning', () => {
    const whole = (severity: 'error' | 'warning'): PositionedFinding => ({
      ruleId: 'sops-unencrypted-file',
      severity,
      path: 'a',
      line: 1,
      column: 1,
      message: 'm',
      wholeFile: true,
    });
    const fallbacks = [
      { finding: at('generic-credential', 3, 40, 60), fallback: true, detector: true },
      { finding: at('token-formats/twilio', 4, 70, 104), fallback: false, detector: true },
    ];
    const underError = oncePerSecret([{ finding: whole('error'), fallback: false, detector: false }, ...fallbacks]);
    expect(underError.map((f) => f.ruleId)).toEqual(['sops-unencrypted-file', 'token-formats/twilio']);
    const underWarning = oncePerSecret([{ finding: whole('warning'), fallback: false, detector: false }, ...fallbacks]);
    expect(underWarning.map((f) => f.ruleId)).toEqual(['sops-unencrypted-file', 'generic-credential', 'token-formats/twilio']);
  });

  it('keeps two findings of one rule, and findings without a span', () => {
    const whole: PositionedFinding = { ruleId: 'terraform-state', severity: 'error', path: 'a', line: 1, column: 1, message: 'm' };
    const kept = oncePerSecret([
      { finding: at('token-formats/twilio', 1, 0, 34), fallback: false, detector: true },
      { finding: at('token-formats/mailgun', 1, 0, 34), fallback: false, detector: true },
      { finding: whole, fallback: false, detector: true },
    ]);
    expect(kept).toHaveLength(3);
  });

  it('finds an overlap with any earlier fallback span of another rule, whatever order the spans came in', () => {
    const kept = oncePerSecret([
      { finding: at('generic-credential', 1, 500, 520), fallback: true, detector: true },
      { finding: at('generic-credential', 1, 10, 400), fallback: true, detector: true },
      { finding: at('generic-credential', 1, 20, 30), fallback: true, detector: true },
      { finding: at('high-entropy-string', 1, 399, 450), fallback: true, detector: true },
      { finding: at('high-entropy-string', 1, 400, 500), fallback: true, detector: true },
      { finding: at('high-entropy-string', 1, 450, 450), fallback: true, detector: true },
      { finding: at('high-entropy-string', 1, 510, 510), fallback: true, detector: true },
    ]);
    expect(kept.map((f) => `${f.ruleId} ${f.index}`)).toEqual([
      'generic-credential 500',
      'generic-credential 10',
      'generic-credential 20',
      'high-entropy-string 400',
      'high-entropy-string 450',
    ]);
  });

  it('decides as comparing each finding with every kept one would, on random findings', () => {
    let seed = 7;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const rules = ['token-formats/a', 'token-formats/b', 'secretlint/aws', 'plaintext-env-file', 'generic-credential', 'high-entropy-string'];
    for (let round = 0; round < 200; round++) {
      const found = Array.from({ length: 1 + random(30) }, () => {
        const ruleId = rules[random(rules.length)]!;
        const start = random(40);
        const finding = random(10) === 0 ? withoutSpan(at(ruleId, 1 + random(4), 0, 0)) : at(ruleId, 1 + random(4), start, start + random(12));
        return { finding, fallback: ruleId.startsWith('generic') || ruleId.startsWith('high'), detector: ruleId !== 'plaintext-env-file' };
      });
      expect(oncePerSecret(found)).toEqual(eachAgainstEveryKept(found));
    }
  });
});

/** The pairwise definition, for comparison. */
function eachAgainstEveryKept(found: Parameters<typeof oncePerSecret>[0]): PositionedFinding[] {
  const specificLines = new Set(found.filter((k) => !k.fallback).map((k) => k.finding.line));
  const kept: (typeof found)[number][] = [];
  for (const candidate of found) {
    const { finding, fallback, detector } = candidate;
    if (fallback && specificLines.has(finding.line)) continue;
    const clash = kept.some(({ finding: other, fallback: otherFallback, detector: otherDetector }) => {
      if (
        !detector ||
        !otherDetector ||
        other.ruleId.split('/')[0] === finding.ruleId.split('/')[0] ||
        finding.index === undefined ||
        other.index === undefined
      )
        return false;
      if (other.index === finding.index && other.endIndex === finding.endIndex) return true;
      return fallback && otherFallback && finding.index < other.endIndex! && other.index < finding.endIndex!;
    });
    if (!clash) kept.push(candidate);
  }
  return kept.map((k) => k.finding);
}

/** A finding with no span (a whole-file one): the same finding without its offsets. */
function withoutSpan(finding: ReturnType<typeof at>): ReturnType<typeof at> {
  const { index: _index, endIndex: _endIndex, ...rest } = finding;
  return rest;
}
