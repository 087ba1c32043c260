/**
 * Parallel scans for large plans (--all, big ranges): the main thread reads blobs from the one cat-file stream
 * and hands each file to the least busy worker thread, which runs the rules, or scans it itself when every worker
 * already has a full queue. Reads ahead and queues are bounded, so the bytes in flight stay small. Workers are
 * handed the run's salt; a worker that needs the age identities asks this thread, which resolves them once for the
 * whole run (RunContext) and sends them as data.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { ConfigError, RuleCrash } from '../../errors.js';
import { fileInHand, type PlannedFile } from '../plan.js';
import { readAhead } from '../read-ahead.js';
import { noteBytesScanned } from './heap-mode.js';
import { WORKERS_AFTER_BYTES } from './threads.js';
import { emptyPlanScan, scanFile, type PlanScan } from '../scan.js';
import type { FromWorker, ToWorker } from './scan-worker.js';
import type { ProjectView } from '../../types.js';
import { settingsFromSpec, type FileReader, type RunInputs, type ScanSpec } from '../scan-spec.js';

/** Files queued per worker; above the worker's acknowledgement batch, so it always has work in hand. */
const IN_FLIGHT_PER_WORKER = 48;
/**
 * A worker's heap only ever holds a few files and their findings; a small young generation keeps V8 from growing
 * each thread's memory far past that (peak RSS is what a 2-core CI runner notices). Old space is left at its
 * default so a large file (up to the size cap) never runs a worker out of memory.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

interface Lane {
  readonly worker: Worker;
  inFlight: number;
  readonly done: Promise<{ scan: PlanScan }>;
}

/** The compiled worker module; absent when the engine runs from TypeScript sources (tests), which then scan in-thread. */
const WORKER_URL = new URL('./scan-worker.js', import.meta.url);

/** Whether worker threads can start here: only from the build, where the worker module sits beside this one. */
export function workersAvailable(): boolean {
  return existsSync(WORKER_URL);
}

export async function scanInWorkers(
  files: readonly PlannedFile[],
  spec: ScanSpec,
  threads: number,
  run: RunInputs,
  readFile: FileReader | undefined,
  onFile?: (done: number, total: number, bytes: number) => void,
  /** Work the workers must be left with for them to start (threads.ts); 0 starts them at once. */
  startFromBytes = 0,
): Promise<PlanScan> {
  // The main thread is a lane too: it scans a file itself whenever every worker's queue is full. On a 2-core
  // machine one worker plus this thread use both cores with two V8 heaps instead of three.
  const local = emptyPlanScan();
  // Every thread must fingerprint with the same salt: the run's is handed to the workers.
  const salt = run.salt();
  let localSettings: ReturnType<typeof settingsFromSpec> | undefined;
  let done = 0;
  let failure: Error | undefined;
  const startLane = (): Lane => {
    const worker = new Worker(WORKER_URL, { resourceLimits: WORKER_LIMITS });
    const lane: Lane = {
      worker,
      inFlight: 0,
      done: new Promise((resolve, reject) => {
        worker.on('message', (message: FromWorker) => {
          if (message.type === 'scanned') {
            lane.inFlight -= message.files;
            done += message.files;
            onFile?.(done, files.length, message.bytes);
          } else if (message.type === 'result') resolve(message);
          else if (message.type === 'need-identities') answerIdentities(worker, run.ageIdentities);
          else if (message.type === 'read') answerRead(worker, message, readFile, spec.maxFileSize);
          else {
            failure = message.name === 'ConfigError' ? new ConfigError(message.message) : new RuleCrash(message.message);
            reject(failure);
          }
        });
        worker.on('error', (error) => {
          failure = new RuleCrash(`worker thread failed: ${error.message}`);
          reject(failure);
        });
      }),
    };
    lane.done.catch(() => {}); // observed below; avoid an unhandled rejection while dispatching
    worker.postMessage({ type: 'init', spec, salt } satisfies ToWorker);
    return lane;
  };
  const lanes: Lane[] = [];
  const work = new WorkEstimate(files.length, startFromBytes);
  try {
    // Reads are pipelined (read-ahead.ts): git answers the next blobs while earlier ones are on their way to the workers.
    for await (const { file, size, bytes: read } of readAhead(files, spec.maxFileSize)) {
      if (failure) throw failure;
      if (lanes.length === 0 && work.add(read?.length ?? 0)) for (let i = 0; i < threads; i++) lanes.push(startLane());
      const lane = lanes.length > 0 ? leastBusy(lanes) : undefined;
      if (!lane || lane.inFlight >= IN_FLIGHT_PER_WORKER) {
        localSettings ??= settingsFromSpec(spec, run, readFile);
        const scanned = await scanFile(spec.origin, fileInHand(file.path, file.commit, size, read), await localSettings, local);
        onFile?.(++done, files.length, scanned);
        continue;
      }
      // An exact-size copy: read buffers may be views into a larger chunk that must not be detached or cloned whole.
      const bytes = read ? new Uint8Array(read) : undefined;
      lane.inFlight++;
      const message: ToWorker = { type: 'file', path: file.path, size, ...(file.commit ? { commit: file.commit } : {}), ...(bytes ? { bytes } : {}) };
      lane.worker.postMessage(message, bytes ? [bytes.buffer as ArrayBuffer] : []);
      noteBytesScanned(bytes?.length ?? 0); // what this thread handled counts towards its own heap mode
    }
    for (const lane of lanes) lane.worker.postMessage({ type: 'finish' } satisfies ToWorker);
    const results = await Promise.all(lanes.map((l) => l.done));
    return merge([...results, { scan: local }]);
  } finally {
    await Promise.all(lanes.map((l) => l.worker.terminate()));
  }
}

/**
 * Whether workers are worth starting, from the bytes read so far: once this thread has itself read
 * `WORKERS_AFTER_BYTES`, the rest is estimated at the mean size of the files read, and workers start when that
 * reaches `fromBytes`. Not from a small sample: files come in path order, and a repository's first directories say
 * little about the rest. A repository of tens of megabytes is scanned faster by this thread alone than with a
 * worker that first loads and warms up the whole engine; the estimate is checked again after every file, so large
 * files further on still start them.
 */
export class WorkEstimate {
  readonly #total: number;
  readonly #fromBytes: number;
  #files = 0;
  #bytes = 0;

  constructor(total: number, fromBytes: number) {
    this.#total = total;
    this.#fromBytes = fromBytes;
  }

  /** Counts one file read; true when the workers should start now. */
  add(bytes: number): boolean {
    this.#files++;
    this.#bytes += bytes;
    if (this.#fromBytes === 0) return true;
    if (this.#bytes < WORKERS_AFTER_BYTES) return false;
    return (this.#bytes / this.#files) * (this.#total - this.#files) >= this.#fromBytes;
  }
}

/** Identities are sent as data; a failure (a malformed key, a failing key command) as its name and message. */
function answerIdentities(worker: Worker, ageIdentities: ProjectView['ageIdentities']): void {
  ageIdentities().then(
    (identities) => worker.postMessage({ type: 'identities', identities: [...identities] } satisfies ToWorker),
    (error: Error) => worker.postMessage({ type: 'identities', error: { name: error.name, message: error.message } } satisfies ToWorker),
  );
}

/** A worker's rule asked for a sibling's bytes: the main thread holds the git and disk readers. */
function answerRead(worker: Worker, request: { id: number; path: string }, readFile: FileReader | undefined, cap: number): void {
  (readFile ? readFile(request.path, cap) : Promise.resolve(undefined))
    .catch(() => undefined)
    .then((read) => {
      const bytes = read ? new Uint8Array(read) : undefined;
      worker.postMessage({ type: 'sibling', id: request.id, ...(bytes ? { bytes } : {}) } satisfies ToWorker, bytes ? [bytes.buffer as ArrayBuffer] : []);
    });
}

function leastBusy(lanes: readonly Lane[]): Lane {
  return lanes.reduce((best, lane) => (lane.inFlight < best.inFlight ? lane : best));
}

function merge(results: ReadonlyArray<{ scan: PlanScan }>): PlanScan {
  const out = emptyPlanScan();
  for (const { scan } of results) {
    // Loops, not spreads: a scan may hold more findings than a call's argument limit (~120,000).
    for (const f of scan.findings) out.findings.push(f);
    for (const s of scan.skipped) out.skipped.push(s);
    out.filesScanned += scan.filesScanned;
    out.bytesScanned += scan.bytesScanned;
    out.allowedByComment += scan.allowedByComment;
    for (const v of scan.verified) out.verified.push(v);
    for (const v of scan.unverifiable) out.unverifiable.push(v);
  }
  return out;
}
