/** Workers are chosen by the bytes a scan has read, not by its file count. */
import { describe, expect, it } from 'vitest';
import { WorkEstimate } from '../../src/engine/parallel/scan-in-workers.js';
import { WORKERS_AFTER_BYTES, WORKERS_FROM_BYTES } from '../../src/engine/parallel/threads.js';

/** How many files are read before the workers start, or undefined when they never do. */
function startsAfter(sizes: readonly number[], fromBytes = WORKERS_FROM_BYTES): number | undefined {
  const estimate = new WorkEstimate(sizes.length, fromBytes);
  const at = sizes.findIndex((size) => estimate.add(size));
  return at === -1 ? undefined : at + 1;
}

describe('work estimate', () => {
  it('keeps many small files in the main thread', () => {
    expect(startsAfter(Array(50_000).fill(500))).toBeUndefined(); // 25 MB in 50,000 files
    expect(startsAfter([...Array(100).fill(100_000), ...Array(5000).fill(3000)])).toBeUndefined(); // 25 MB, large files first
  });

  it('starts the workers once the sample says enough work is left', () => {
    expect(startsAfter(Array(10_000).fill(20_000))).toBe(Math.ceil(WORKERS_AFTER_BYTES / 20_000)); // 200 MB
  });

  it('looks again after every file, so large files further on still start them', () => {
    const sizes = [...Array(1000).fill(100), ...Array(1000).fill(200_000)];
    const at = startsAfter(sizes)!;
    expect(at).toBeGreaterThan(1000);
    expect(at).toBeLessThan(2000);
  });

  it('starts at once when no threshold is set (an explicit thread count)', () => {
    expect(startsAfter([10, 10], 0)).toBe(1);
  });
});
