/**
 * Progress for long scans (--all, --range, pre-receive) on a terminal: files done, total, rate, redrawn in
 * place at most ten times a second. Nothing when stderr is not a terminal or with --quiet.
 */
export type ProgressSink = (done: number, total: number, bytes: number) => void;

export function terminalProgress(write: (text: string) => void, now: () => number = Date.now): { onFile: ProgressSink; finish(): void } {
  const started = now();
  let last = 0;
  let drawn = false;
  return {
    onFile(done, total) {
      const t = now();
      if (done < total && t - last < 100) return;
      last = t;
      const rate = done / Math.max((t - started) / 1000, 0.001);
      write(`\r\x1b[Ksecrets-guard: ${done}/${total} files, ${Math.round(rate)} files/s`);
      drawn = true;
    },
    finish() {
      if (drawn) write('\r\x1b[K');
    },
  };
}
