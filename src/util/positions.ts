/** Offset ↔ line/column conversion, built once per file so many findings stay cheap. */
export interface LineIndex {
  /** 1-based line and column of a 0-based offset. Columns count UTF-16 code units, as editors and SARIF do. */
  position(offset: number): { line: number; column: number };
  /** The text of a 1-based line, without its newline. */
  lineText(line: number): string;
  readonly lineCount: number;
}

export function buildLineIndex(content: string): LineIndex {
  const starts = [0];
  for (let i = content.indexOf('\n'); i !== -1; i = content.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineOf = (offset: number): number => {
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
    lineCount: starts.length,
    position(offset) {
      const clamped = Math.max(0, Math.min(offset, content.length));
      const line = lineOf(clamped);
      return { line: line + 1, column: clamped - (starts[line] ?? 0) + 1 };
    },
    lineText(line) {
      const start = starts[line - 1];
      if (start === undefined) return '';
      const next = starts[line];
      const end = next === undefined ? content.length : next - 1;
      return content.slice(start, end).replace(/\r$/, '');
    },
  };
}
