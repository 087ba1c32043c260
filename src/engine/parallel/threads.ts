/**
 * How many threads a scan uses. Kept apart from scan-in-workers.ts so that a staged check, which never starts a
 * worker, does not load node:worker_threads.
 */
import { availableParallelism } from 'node:os';

/**
 * With an explicit thread count (SECRETS_GUARD_THREADS), workers start at once from this many files. A worker
 * costs CPU before it pays (its own module loading and JIT warm-up), and on a 2-core machine it competes with the
 * main thread and git (docs/performance.md).
 */
export const PARALLEL_THRESHOLD = 2500;

/**
 * By default, workers are chosen by measured work instead: once the main thread has read this much, it estimates
 * the bytes still to scan from the mean size of what it read.
 */
export const WORKERS_AFTER_BYTES = 16 * 1024 * 1024;
/**
 * Workers start when the estimated bytes still to scan reach this amount. Below it the main thread alone is faster
 * on two cores: a worker loads and warms up the whole engine again, and shares the cores with git and the main
 * thread (docs/performance.md has the measurements).
 */
export const WORKERS_FROM_BYTES = 32 * 1024 * 1024;
/** Plans of fewer files are scanned in the main thread without estimating (the parallel module is not loaded). */
export const ESTIMATE_FROM_FILES = 200;

/** One worker per core but one: the main thread reads git's blobs and scans too when the workers are busy. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}
