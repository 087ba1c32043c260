/**
 * Files read ahead of the scan, in order. A window of reads is asked for in one go, so the blob stream sends git
 * one batch of requests (one write) rather than one per file, and git answers the next files while this thread
 * scans the current one: the scanning thread neither waits on git's round trips nor pays a pipe write per file.
 * The window bounds the bytes held: at most two windows are read and not yet scanned.
 */
import type { PlannedFile } from './plan.js';

const READ_AHEAD = 32;

export interface FileRead {
  readonly file: PlannedFile;
  readonly size: number;
  readonly bytes?: Buffer;
}

export async function* readAhead(files: readonly PlannedFile[], cap: number, window = READ_AHEAD): AsyncGenerator<FileRead> {
  const reads: Array<ReturnType<PlannedFile['read']> | undefined> = [];
  const ask = (from: number): void => {
    for (let j = from; j < Math.min(from + window, files.length); j++) {
      const read = files[j]!.read(cap);
      read.catch(() => {}); // a failed read is thrown where it is awaited, in order, not as an unhandled rejection
      reads[j] = read;
    }
  };
  ask(0);
  let polled = performance.now();
  for (let i = 0; i < files.length; i++) {
    // Git writes into a pipe of 64 KB, which is read only while this thread waits: scanning with the pipe full
    // leaves git stalled. A turn of the event loop every millisecond of scanning lets it read what git has written.
    if (performance.now() - polled > 1) {
      await new Promise((resolve) => setImmediate(resolve));
      polled = performance.now();
    }
    // The next window is asked for as this one starts, so git is always a window ahead.
    if (i % window === 0) ask(i + window);
    const pending = reads[i]!;
    reads[i] = undefined; // the bytes go once they are scanned
    const { size, bytes } = await pending;
    yield { file: files[i]!, size, ...(bytes ? { bytes } : {}) };
  }
}
