/**
 * How many threads a scan uses. Kept apart from parallel.ts so that a staged check, which never starts a worker,
 * does not load node:worker_threads.
 */
import { availableParallelism } from 'node:os';

/**
 * Below this many files one thread is faster. A worker costs CPU before it pays (its own module loading and JIT
 * warm-up), and on a 2-core machine it competes with the main thread and git: the benchmark's 10 MB and 100 MB
 * repositories put the crossing near 2,700 files (figures in docs/performance.md).
 */
export const PARALLEL_THRESHOLD = 2500;

/** One worker per core but one: the main thread reads git's blobs and scans too when the workers are busy. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}
