/** Progress on a terminal: throttled redraws in place, a final line, and nothing left behind. */
import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../src/progress.js';

describe('terminalProgress', () => {
  it('redraws at most every 100 ms, always on the last file, and clears the line at the end', () => {
    const writes: string[] = [];
    let now = 0;
    const progress = terminalProgress((t) => writes.push(t), () => now);
    progress.onFile(1, 4, 10); // t=0: too soon after the start? the first redraw waits 100 ms
    now = 150;
    progress.onFile(2, 4, 10);
    now = 180;
    progress.onFile(3, 4, 10); // throttled
    now = 200;
    progress.onFile(4, 4, 10); // the last file is always drawn
    progress.finish();
    expect(writes).toEqual([
      '\r\x1b[Ksecrets-guard: 2/4 files, 13 files/s',
      '\r\x1b[Ksecrets-guard: 4/4 files, 20 files/s',
      '\r\x1b[K',
    ]);
  });

  it('writes nothing when nothing was drawn', () => {
    const writes: string[] = [];
    terminalProgress((t) => writes.push(t)).finish();
    expect(writes).toEqual([]);
  });
});
