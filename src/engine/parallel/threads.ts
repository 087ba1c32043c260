/**
 * How many threads a scan uses. Kept apart from parallel.ts so that a staged check, which never starts a worker,
 * does not load node:worker_threads (2-3 ms of a commit).
 */
import { availableParallelism } from 'node:os';

/**
 * With an explicit thread count (SECRETS_GUARD_THREADS), workers start at once from this many files. A worker costs about 0.4 s of CPU before it pays (its own module
 * loading and JIT warm-up), and on a 2-core machine it competes with the main thread and git: on the 10 MB
 * benchmark repository (1,425 files) the main thread alone took 0.69 s against 0.82 s with a worker, on the
 * 100 MB one (15,193 files) 5.0 s against 3.9 s; the lines cross near 2,700 files of that repository's size.
 */
export const PARALLEL_THRESHOLD = 2500;

/**
 * By default, workers are chosen by measured work instead: they start once the bytes still to scan, estimated from
 * the files read so far, reach this amount. Below it the main thread alone is faster on two cores (a worker loads
 * and warms up the whole engine again, and shares the cores with git and the main thread); docs/performance.md
 * has the measurements.
 */
export const WORKERS_FROM_BYTES = 48 * 1024 * 1024;
/** Files read before the estimate is trusted; smaller plans are scanned in the main thread. */
export const ESTIMATE_AFTER_FILES = 200;

/** One worker per core but one: the main thread reads git's blobs and scans too when the workers are busy. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}
