/**
 * Half-open intervals [start, end), asked whether any overlaps a given one, in logarithmic time: sorted by start with
 * the running maximum of the ends. Adding marks the set unsorted; the next question sorts it again. Callers add a
 * block of intervals, then ask (once-per-secret adds one rule's spans, then later rules ask), so it sorts once per
 * block.
 */
export class IntervalSet {
  private readonly spans: Array<readonly [number, number]> = [];
  private maxEnds: number[] = [];
  private sorted = true;

  add(start: number, end: number): void {
    this.spans.push([start, end]);
    this.sorted = false;
  }

  /** Whether an interval of the set overlaps [start, end): starts before its end and ends after its start. */
  overlaps(start: number, end: number): boolean {
    if (this.spans.length === 0) return false;
    this.sort();
    // The last interval starting before `end`: it and every one before it start early enough to overlap.
    let lo = -1;
    let hi = this.spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.spans[mid]![0] < end) lo = mid;
      else hi = mid - 1;
    }
    return lo >= 0 && this.maxEnds[lo]! > start;
  }

  private sort(): void {
    if (this.sorted) return;
    this.spans.sort((a, b) => a[0] - b[0]);
    let max = -Infinity;
    this.maxEnds = this.spans.map(([, end]) => (max = Math.max(max, end)));
    this.sorted = true;
  }
}

/** Whether an offset lies in one of sorted, disjoint spans [start, end) (ciphertext spans come merged). */
export function inSortedSpans(spans: ReadonlyArray<readonly [number, number]>, offset: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![1] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo]![0] <= offset;
}
