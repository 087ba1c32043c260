/**
 * Parallel scans for large plans (--all, big ranges): the main thread reads blobs from the one cat-file stream
 * and hands each file to the least busy worker thread, which runs the rules. Bounded in-flight work keeps memory
 * proportional to the largest files, not the repository.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ConfigError } from '../errors.js';
import type { PlannedFile } from './plan.js';
import { RuleCrash, type PlanScan } from './scan.js';
import type { FromWorker, ToWorker } from './scan-worker.js';
import type { ScanSpec, VerificationSink } from './scan-spec.js';

/** Below this many files, worker start-up (module loading per thread) costs more than it saves. */
export const PARALLEL_THRESHOLD = 400;
const IN_FLIGHT_PER_WORKER = 8;

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

interface Lane {
  readonly worker: Worker;
  inFlight: number;
  readonly done: Promise<{ scan: PlanScan; verified: string[]; unverifiable: string[] }>;
}

/** The compiled worker module; absent when the engine runs from TypeScript sources (tests), which then scan in-thread. */
export const WORKER_URL = new URL('./scan-worker.js', import.meta.url);

export async function scanInWorkers(
  files: readonly PlannedFile[],
  spec: ScanSpec,
  threads: number,
  verification: VerificationSink,
  verificationPrefix: string,
  onFile?: (done: number, total: number, bytes: number) => void,
): Promise<PlanScan> {
  let waiters: Array<() => void> = [];
  const wake = (): void => {
    const pending = waiters;
    waiters = [];
    pending.forEach((w) => w());
  };
  let done = 0;
  let failure: Error | undefined;
  const lanes: Lane[] = Array.from({ length: threads }, () => {
    const worker = new Worker(WORKER_URL);
    const lane: Lane = {
      worker,
      inFlight: 0,
      done: new Promise((resolve, reject) => {
        worker.on('message', (message: FromWorker) => {
          if (message.type === 'scanned') {
            lane.inFlight--;
            onFile?.(++done, files.length, message.bytes);
            wake();
          } else if (message.type === 'result') resolve(message);
          else {
            failure = message.name === 'ConfigError' ? new ConfigError(message.message) : new RuleCrash(message.message);
            reject(failure);
            wake();
          }
        });
        worker.on('error', (error) => {
          failure = new RuleCrash(`worker thread failed: ${error.message}`);
          reject(failure);
          wake();
        });
      }),
    };
    lane.done.catch(() => {}); // observed below; avoid an unhandled rejection while dispatching
    worker.postMessage({ type: 'init', spec, verificationPrefix } satisfies ToWorker);
    return lane;
  });
  try {
    for (const file of files) {
      let lane = leastBusy(lanes);
      while (lane.inFlight >= IN_FLIGHT_PER_WORKER && !failure) {
        await new Promise<void>((resolve) => waiters.push(resolve));
        lane = leastBusy(lanes);
      }
      if (failure) throw failure;
      const { size, bytes: read } = await file.read(spec.maxFileSize);
      // An exact-size copy: read buffers may be views into a larger chunk that must not be detached or cloned whole.
      const bytes = read ? new Uint8Array(read) : undefined;
      lane.inFlight++;
      const message: ToWorker = { type: 'file', path: file.path, size, ...(file.commit ? { commit: file.commit } : {}), ...(bytes ? { bytes } : {}) };
      lane.worker.postMessage(message, bytes ? [bytes.buffer as ArrayBuffer] : []);
    }
    for (const lane of lanes) lane.worker.postMessage({ type: 'finish' } satisfies ToWorker);
    const results = await Promise.all(lanes.map((l) => l.done));
    return merge(results, verification);
  } finally {
    await Promise.all(lanes.map((l) => l.worker.terminate()));
  }
}

function leastBusy(lanes: readonly Lane[]): Lane {
  return lanes.reduce((best, lane) => (lane.inFlight < best.inFlight ? lane : best));
}

function merge(results: ReadonlyArray<{ scan: PlanScan; verified: string[]; unverifiable: string[] }>, verification: VerificationSink): PlanScan {
  const out: PlanScan = { findings: [], skipped: [], filesScanned: 0, bytesScanned: 0 };
  for (const { scan, verified, unverifiable } of results) {
    out.findings.push(...scan.findings);
    out.skipped.push(...scan.skipped);
    out.filesScanned += scan.filesScanned;
    out.bytesScanned += scan.bytesScanned;
    verified.forEach((v) => verification.verified.add(v));
    unverifiable.forEach((v) => verification.unverifiable.add(v));
  }
  return out;
}
