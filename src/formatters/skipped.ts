/**
 * How many files the rules never read, for the summary line of every format: a file skipped as binary or over
 * the size cap is a file nobody checked, and a report must say so where it says what it checked.
 */
import type { SkippedFile } from '../types.js';

const LABELS: Record<SkippedFile['kind'], string> = { binary: 'binary', 'too-large': 'over the size cap' };

/** `2 file(s) skipped (1 binary, 1 over the size cap)`, or '' when nothing was skipped. */
function skippedCount(skipped: readonly SkippedFile[]): string {
  if (skipped.length === 0) return '';
  const counts = new Map<SkippedFile['kind'], number>();
  for (const s of skipped) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => `${n} ${LABELS[kind]}`);
  return `${skipped.length} file(s) skipped (${parts.join(', ')})`;
}

/** The summary line's tail: `; 2 file(s) skipped (...)`, or ''. */
export function skippedSuffix(skipped: readonly SkippedFile[]): string {
  const count = skippedCount(skipped);
  return count === '' ? '' : `; ${count}`;
}
