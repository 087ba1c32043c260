/**
 * Worker-thread side of a parallel scan: builds the same settings from the spec, then runs the rules on each file
 * the main thread sends (the main thread does all git and disk I/O). Results go back once, at the end. The age
 * identities come from the main thread, asked for when a rule first needs them, so they are resolved once per run.
 */
import { parentPort } from 'node:worker_threads';
import { ConfigError } from '../../errors.js';
import { fileInHand } from '../plan.js';
import type { PlanScan } from '../scan.js';
import { emptyPlanScan, scanFile } from '../scan.js';
import { settingsFromSpec, type ScanSpec } from '../scan-spec.js';

export type ToWorker =
  | { readonly type: 'init'; readonly spec: ScanSpec; readonly salt: string }
  | { readonly type: 'file'; readonly path: string; readonly commit?: string; readonly size: number; readonly bytes?: Uint8Array }
  | { readonly type: 'finish' }
  /** The answer to `need-identities`: handled at once, not queued behind the file that waits for it. */
  | { readonly type: 'identities'; readonly identities?: string[]; readonly error?: { readonly name: string; readonly message: string } }
  /** The answer to a `read`: the sibling's bytes, absent when it is not there. */
  | { readonly type: 'sibling'; readonly id: number; readonly bytes?: Uint8Array };

export type FromWorker =
  /** Acknowledges `files` scanned files at once: one message per file cost more than a small rule. */
  | { readonly type: 'scanned'; readonly files: number; readonly bytes: number }
  | { readonly type: 'result'; readonly scan: PlanScan }
  | { readonly type: 'error'; readonly message: string; readonly name: string }
  | { readonly type: 'need-identities' }
  /** A rule asks for a sibling file (ProjectView.readSibling): only the main thread reads git and the disk. */
  | { readonly type: 'read'; readonly id: number; readonly path: string };

const port = parentPort!;
const scan = emptyPlanScan();
let ready: Promise<{ settings: Awaited<ReturnType<typeof settingsFromSpec>>; spec: ScanSpec }> | undefined;
// Files are handled one after another so their results keep the order in which they were sent.
let queue: Promise<void> = Promise.resolve();

let received = 0;
let unacknowledged = { files: 0, bytes: 0 };
const ACK_EVERY = 16;

type IdentitiesAnswer = Extract<ToWorker, { type: 'identities' }>;
let identities: Promise<readonly string[]> | undefined;
let answerIdentities: ((answer: IdentitiesAnswer) => void) | undefined;

/** The run's identities, asked of the main thread once. */
function ageIdentities(): Promise<readonly string[]> {
  identities ??= new Promise((resolve, reject) => {
    answerIdentities = ({ identities: given, error }) => {
      if (error) reject(error.name === 'ConfigError' ? new ConfigError(error.message) : new Error(error.message));
      else resolve(given ?? []);
    };
    port.postMessage({ type: 'need-identities' } satisfies FromWorker);
  });
  return identities;
}

const pendingReads = new Map<number, (bytes: Uint8Array | undefined) => void>();
let nextReadId = 0;

/** Asks the main thread for a file; answered out of turn, since the file being scanned waits for it. */
function readThroughMainThread(path: string): Promise<Uint8Array | undefined> {
  const id = nextReadId++;
  return new Promise((resolve) => {
    pendingReads.set(id, resolve);
    port.postMessage({ type: 'read', id, path } satisfies FromWorker);
  });
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'identities') {
    answerIdentities?.(message);
    return;
  }
  if (message.type === 'sibling') {
    pendingReads.get(message.id)?.(message.bytes);
    pendingReads.delete(message.id);
    return;
  }
  const work = message;
  if (work.type === 'file') received++;
  queue = queue
    .then(() => handle(work))
    .catch((error: Error) => {
      port.postMessage({ type: 'error', message: error.message, name: error.name } satisfies FromWorker);
    });
});

async function handle(message: Exclude<ToWorker, IdentitiesAnswer | { type: 'sibling' }>): Promise<void> {
  if (message.type === 'init') {
    const spec = message.spec;
    const { salt } = message;
    ready = settingsFromSpec(spec, { salt: () => salt, ageIdentities, sopsConfigParses: new Map() }, readThroughMainThread).then((settings) => ({
      settings,
      spec,
    }));
    await ready;
    return;
  }
  const { settings, spec } = await ready!;
  if (message.type === 'finish') {
    port.postMessage({ type: 'result', scan } satisfies FromWorker);
    return;
  }
  const bytes = message.bytes ? Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength) : undefined;
  const read = await scanFile(spec.origin, fileInHand(message.path, message.commit, message.size, bytes), settings, scan);
  received--;
  unacknowledged = { files: unacknowledged.files + 1, bytes: unacknowledged.bytes + read };
  // Acknowledge in batches, and whenever the worker runs out of work so the main thread never waits on it.
  if (unacknowledged.files >= ACK_EVERY || received === 0) {
    port.postMessage({ type: 'scanned', ...unacknowledged } satisfies FromWorker);
    unacknowledged = { files: 0, bytes: 0 };
  }
}
