/**
 * The memory-first mode of long scans: a thread turns it on after its first 64 MB of text, then collects in full
 * every 64 MB, and never before (a staged check or a small repository must not pay for collections).
 */
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { noteBytesScanned, preferSmallHeap, wantsSmallHeap } from '../../src/engine/parallel/heap-mode.js';

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
  it('turns on by the bytes a thread has scanned, collecting once then, and every 64 MB after', async () => {
    expect(await forcedCollections(() => noteBytesScanned(63 * MB))).toBe(0); // a staged check or a small repository
    expect(
      await forcedCollections(async () => {
        noteBytesScanned(2 * MB); // past the first 64 MB: the mode turns on
        await preferSmallHeap(); // the same turning-on, awaited
      }),
    ).toBe(1);
    expect(await forcedCollections(() => noteBytesScanned(63 * MB))).toBe(0);
    expect(await forcedCollections(() => noteBytesScanned(2 * MB))).toBe(1);
    expect(
      await forcedCollections(() => {
        for (let i = 0; i < 4; i++) noteBytesScanned(32 * MB);
      }),
    ).toBe(2);
  });

  it("is also chosen from the start for a scan of very many files, whose listing is the main thread's peak", () => {
    expect(wantsSmallHeap(10)).toBe(false); // a staged check
    expect(wantsSmallHeap(5457)).toBe(false); // --all on a 26 MB repository: the bytes decide
    expect(wantsSmallHeap(154_805)).toBe(true); // --all on the 1 GB benchmark repository
    expect(wantsSmallHeap(20, 176_312)).toBe(true); // a commit of a long range, from the first
  });
});
