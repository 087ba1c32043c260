/** Offset ↔ line/column conversion, built once per file so many findings stay cheap. */
export interface LineIndex {
  /** 1-based line and column of a 0-based offset. Columns count UTF-16 code units, as editors and SARIF do. */
  position(offset: number): { line: number; column: number };
  /** The text of a 1-based line, without its newline. */
  lineText(line: number): string;
  readonly lineCount: number;
}

/**
 * The line starts are found on first use, not when the index is made: every file gets an index, and most files
 * have no finding to place (finding them was a tenth of a whole-repository scan's main thread).
 */
export function buildLineIndex(content: string): LineIndex {
  let known: number[] | undefined;
  const lineStarts = (): number[] => (known ??= findLineStarts(content));
  const lineOf = (offset: number): number => {
    const starts = lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    get lineCount() {
      return lineStarts().length;
    },
    position(offset) {
      const clamped = Math.max(0, Math.min(offset, content.length));
      const line = lineOf(clamped);
      return { line: line + 1, column: clamped - (lineStarts()[line] ?? 0) + 1 };
    },
    lineText(line) {
      const starts = lineStarts();
      const start = starts[line - 1];
      if (start === undefined) return '';
      const next = starts[line];
      const end = next === undefined ? content.length : next - 1;
      return content.slice(start, end).replace(/\r$/, '');
    },
  };
}

function findLineStarts(content: string): number[] {
  const starts = [0];
  for (let i = content.indexOf('\n'); i !== -1; i = content.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
