import { describe, expect, it } from 'vitest';
import { inSortedSpans, IntervalSet } from '../../src/util/interval-set.js';

let seed = 11;
const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);

describe('IntervalSet', () => {
  it('answers as a pairwise comparison would, with adds and questions interleaved', () => {
    for (let round = 0; round < 100; round++) {
      const set = new IntervalSet();
      const added: Array<[number, number]> = [];
      for (let step = 0; step < 40; step++) {
        const start = random(60);
        const end = start + random(8);
        if (random(2) === 0) {
          set.add(start, end);
          added.push([start, end]);
        } else {
          expect(set.overlaps(start, end)).toBe(added.some(([s, e]) => s < end && start < e));
        }
      }
    }
  });
});

describe('inSortedSpans', () => {
  it('finds an offset in sorted, disjoint spans, ends excluded', () => {
    const spans = [
      [3, 5],
      [5, 9],
      [20, 21],
      [30, 40],
    ] as const;
    for (let offset = 0; offset < 45; offset++) {
      expect(inSortedSpans(spans, offset)).toBe(spans.some(([s, e]) => offset >= s && offset < e));
    }
    expect(inSortedSpans([], 0)).toBe(false);
  });
});
