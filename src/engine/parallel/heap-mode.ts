/**
 * Long scans keep V8's heap near what is live. A scan turns every blob into strings and buffers that die soon
 * after, but with files read ahead and queued many outlive two young-generation collections and are promoted; V8
 * then lets the old generation (and the blob buffers outside it) grow far past what is live before its first full
 * collection. `--optimize-for-size` alone only changes how the heap grows after a full collection, and a long
 * `--range` still peaked high before the first one. So long scans also collect in full every 64 MB of text scanned,
 * in each thread, at a small cost (figures in docs/performance.md).
 *
 * The mode is chosen by the work a thread has measured: it turns on once the thread has handled 64 MB, in one plan
 * or over the commits of a range, or from the start in a scan of very many files, whose listing is most of the
 * main thread's memory. A smaller scan (a staged check, a repository of tens of
 * megabytes however many files it has) keeps V8's faster defaults, whose extra memory it never reaches; with the
 * mode on from the start, such a scan spent much of its time collecting (docs/performance.md).
 */

/** Bytes scanned in a thread between two full collections; the first such amount also turns the mode on. */
const COLLECT_EVERY_BYTES = 64 * 1024 * 1024;
/**
 * Scans of at least this many files take the mode from the start: the main thread's peak then comes from the
 * listing and the plan it holds, before 64 MB are scanned (docs/performance.md).
 */
const SMALL_HEAP_FROM_FILES = 50_000;

/** Whether a scan of this many files (a range's counted over all its commits) takes the mode from its start. */
export function wantsSmallHeap(planFiles: number, scanFiles = planFiles): boolean {
  return Math.max(planFiles, scanFiles) >= SMALL_HEAP_FROM_FILES;
}

let turningOn: Promise<void> | undefined;
let collect: (() => void) | undefined;
let sinceCollect = 0;

/**
 * Process-wide V8 flags, which every isolate shares (each thread calls this on its own first 64 MB, for its own
 * collector). V8 reads `--optimize-for-size` when it sizes the heap after each collection, which is
 * why setting it at run time takes effect; `--expose-gc` lets a new context hand out the collector. node:v8 and
 * node:vm load here, not up front: a staged check never needs them.
 */
export function preferSmallHeap(): Promise<void> {
  turningOn ??= turnOn();
  return turningOn;
}

async function turnOn(): Promise<void> {
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

/**
 * Counts bytes handled in this thread (scanned, or read and handed to a worker). The first 64 MB turn the
 * memory-first setting on (which collects once); from then on, every 64 MB collects in full.
 */
export function noteBytesScanned(bytes: number): void {
  sinceCollect += bytes;
  if (sinceCollect < COLLECT_EVERY_BYTES) return;
  sinceCollect = 0;
  if (collect) collect();
  else void preferSmallHeap();
}
