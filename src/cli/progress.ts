/**
 * Progress for long scans (--all, --range, pre-receive) on a terminal: files done of the run's total (and the
 * commit, in a range), with the rate, redrawn in place at most ten times a second. cli/terminal.ts decides whether
 * to draw at all.
 */
import type { RunProgress } from '../engine/run-progress.js';

export function terminalProgress(write: (text: string) => void, now: () => number = Date.now): { update(progress: RunProgress): void; finish(): void } {
  const started = now();
  let last = 0;
  let drawn = false;
  return {
    update({ files, totalFiles, commit }) {
      const t = now();
      if (files < totalFiles && t - last < 100) return;
      last = t;
      const rate = files / Math.max((t - started) / 1000, 0.001);
      const where = commit ? `commit ${commit.index}/${commit.of}, ` : '';
      write(`\r\x1b[Ksecrets-guard: ${where}${files}/${totalFiles} files, ${Math.round(rate)} files/s`);
      drawn = true;
    },
    finish() {
      if (drawn) write('\r\x1b[K');
    },
  };
}
