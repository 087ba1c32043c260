/** Progress on a terminal: throttled redraws in place, a final line, and nothing left behind. */
import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../../src/cli/progress.js';

describe('terminalProgress', () => {
  it('redraws at most every 100 ms, always on the last file, and clears the line at the end', () => {
    const writes: string[] = [];
    let now = 0;
    const progress = terminalProgress(
      (t) => writes.push(t),
      () => now,
    );
    progress.update({ files: 1, totalFiles: 4 }); // t=0: the first redraw waits 100 ms
    now = 150;
    progress.update({ files: 2, totalFiles: 4 });
    now = 180;
    progress.update({ files: 3, totalFiles: 4 }); // throttled
    now = 200;
    progress.update({ files: 4, totalFiles: 4 }); // the last file is always drawn
    progress.finish();
    expect(writes).toEqual(['\r\x1b[Ksecrets-guard: 2/4 files, 13 files/s', '\r\x1b[Ksecrets-guard: 4/4 files, 20 files/s', '\r\x1b[K']);
  });

  it('names the commit of a range it is on', () => {
    const writes: string[] = [];
    const progress = terminalProgress(
      (t) => writes.push(t),
      () => 1000,
    );
    progress.update({ files: 7, totalFiles: 7, commit: { index: 3, of: 3 } });
    expect(writes).toEqual(['\r\x1b[Ksecrets-guard: commit 3/3, 7/7 files, 7000 files/s']);
  });

  it('writes nothing when nothing was drawn', () => {
    const writes: string[] = [];
    terminalProgress((t) => writes.push(t)).finish();
    expect(writes).toEqual([]);
  });
});
