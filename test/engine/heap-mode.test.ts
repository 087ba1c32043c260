/**
 * The memory-first mode of long scans: once on, a thread collects in full every 64 MB of text it scans, and never
 * before it is on (a staged check must not pay for collections).
 */
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { noteBytesScanned, preferSmallHeap, smallHeapPreferred, wantsSmallHeap } from '../../src/engine/parallel/heap-mode.js';

const MB = 1024 * 1024;

/** Forced full collections seen while `action` runs. */
async function forcedCollections(action: () => void | Promise<void>): Promise<number> {
  let count = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = (entry as unknown as { detail?: { kind: number; flags: number } }).detail;
      if (detail && detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR && (detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) !== 0) count++;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  await action();
  await new Promise((resolve) => setTimeout(resolve, 50)); // gc entries are delivered asynchronously
  observer.disconnect();
  return count;
}

describe('heap mode', () => {
  it('collects nothing before a long scan turns it on, then once on, and every 64 MB scanned', async () => {
    expect(smallHeapPreferred()).toBe(false);
    expect(await forcedCollections(() => noteBytesScanned(200 * MB))).toBe(0);
    expect(await forcedCollections(() => preferSmallHeap())).toBe(1);
    expect(smallHeapPreferred()).toBe(true);
    expect(await forcedCollections(() => noteBytesScanned(63 * MB))).toBe(0);
    expect(await forcedCollections(() => noteBytesScanned(2 * MB))).toBe(1);
    expect(await forcedCollections(() => { for (let i = 0; i < 4; i++) noteBytesScanned(32 * MB); })).toBe(2);
  });

  it('is chosen when the scan reads many files: one large plan, or a range whose commits add up', () => {
    expect(wantsSmallHeap(10)).toBe(false); // a staged check
    expect(wantsSmallHeap(5000)).toBe(true); // --all on a large repository
    expect(wantsSmallHeap(20, 1622)).toBe(false); // a commit of a short range
    expect(wantsSmallHeap(20, 176_312)).toBe(true); // a commit of a long one, from the first
  });
});
