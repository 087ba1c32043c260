/**
 * Long scans keep V8's heap near what is live. A scan turns every blob into strings and buffers that die soon
 * after, but with files read ahead and queued many outlive two young-generation collections and are promoted; V8
 * then lets the old generation (and the blob buffers outside it) grow far past what is live before its first full
 * collection. On the 1 GB synthetic repository (155k files) peak RSS was 479 MB by default and 211–245 MB with
 * `--optimize-for-size` alone, which only changes how the heap grows after a full collection: `--range` still
 * peaked at 318 MB before the first one. So long scans also collect in full every 64 MB of text scanned (about 30
 * ms each, about 1 % of the scan), in each thread. Staged checks never reach that point and keep the defaults.
 */

/** Scans of at least this many files take the memory-first setting. */
const SMALL_HEAP_FROM_FILES = 5000;
/** Bytes scanned in a thread between two full collections. */
const COLLECT_EVERY_BYTES = 64 * 1024 * 1024;

/**
 * Whether a plan is scanned memory-first: when the scan it belongs to reads many files. A history scan counts the
 * files of the whole range, read commit after commit, so a long range of small commits qualifies from its first
 * plan, while a short one (a pull request, or the 10 MB benchmark's 1,622 blobs: 1.21 → 1.15 s) keeps V8's faster
 * defaults, whose extra memory it never reaches.
 */
export function wantsSmallHeap(planFiles: number, scanFiles = planFiles): boolean {
  return Math.max(planFiles, scanFiles) >= SMALL_HEAP_FROM_FILES;
}

let preferred = false;
let collect: (() => void) | undefined;
let sinceCollect = 0;

/**
 * Process-wide V8 flags, set before worker threads start so every isolate shares them (a worker calls this too,
 * for its own collector). V8 reads `--optimize-for-size` when it sizes the heap after each collection, which is
 * why setting it at run time takes effect; `--expose-gc` lets a new context hand out the collector. node:v8 and
 * node:vm load here, not up front: a staged check never needs them.
 */
export async function preferSmallHeap(): Promise<void> {
  if (preferred) return;
  preferred = true;
  const [{ setFlagsFromString }, { runInNewContext }] = await Promise.all([import('node:v8'), import('node:vm')]);
  setFlagsFromString('--optimize-for-size');
  setFlagsFromString('--expose-gc');
  try {
    collect = runInNewContext('gc') as () => void;
  } catch {
    // A runtime that does not hand out the collector this way: the scan only keeps more memory, it still runs.
    return;
  }
  collect(); // what was allocated before (the listing's transient strings) goes now, not at V8's first limit
}

export function smallHeapPreferred(): boolean {
  return preferred;
}

/** Counts text scanned in this thread, collecting in full every 64 MB once the memory-first setting is on. */
export function noteBytesScanned(bytes: number): void {
  if (!collect) return;
  sinceCollect += bytes;
  if (sinceCollect < COLLECT_EVERY_BYTES) return;
  sinceCollect = 0;
  collect();
}
