/**
 * Long scans read far more bytes than they keep: every file's text is garbage once its rules have run. V8 grows
 * its heap from the live size it last saw, so on a large repository (whose index listing alone is tens of MB) it
 * lets garbage pile up to several hundred MB before a full collection. A full collection every so many bytes
 * scanned keeps peak memory near what is actually live; it costs a few milliseconds per collection.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** Bytes scanned between two collections. */
export const COLLECT_EVERY_BYTES = 16 * 1024 * 1024;

let collect: (() => void) | undefined;

function collector(): (() => void) | undefined {
  if (collect) return collect;
  try {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  } catch {
    collect = () => {};
  }
  return collect;
}

/** Counts scanned bytes and collects garbage each time another COLLECT_EVERY_BYTES have gone by. */
export function heapKeeper(): (bytes: number) => void {
  let since = 0;
  return (bytes) => {
    since += bytes;
    if (since < COLLECT_EVERY_BYTES) return;
    since = 0;
    collector()?.();
  };
}
