/**
 * Inline suppression: a `secrets-guard-allow` comment on the finding's line, or alone on the line above it,
 * silences the findings on that line (as gitleaks' `gitleaks:allow` and detect-secrets' `pragma: allowlist secret`).
 * The marker counts only as a whole word inside a comment of the file's own syntax (comment-syntax.ts): never
 * inside a string, never in JSON, never as part of a longer word (`secrets-guard-allowed`). Findings about a whole
 * file are not the engine's to silence by line at all (see scan.ts): only `.secrets-guard.yaml` turns them off.
 */
import type { LineIndex } from '../util/positions.js';
import { commentSyntaxFor, commentsOnLine } from './comment-syntax.js';

const ALLOW_MARKER = 'secrets-guard-allow';
const MARKER_WORD = new RegExp(`(?<![\\w-])${ALLOW_MARKER}(?![\\w-])`);

export interface AllowMarkers {
  /** Whether findings on this 1-based line are silenced by a marker. */
  allows(line: number): boolean;
}

export function allowMarkersIn(path: string, lines: LineIndex): AllowMarkers {
  const syntax = commentSyntaxFor(path);
  if (!syntax) return { allows: () => false };
  const marked = (line: number, alone: boolean): boolean => {
    const text = lines.lineText(line);
    if (!text.includes(ALLOW_MARKER)) return false;
    return commentsOnLine(text, syntax).some((c) => (c.alone || !alone) && MARKER_WORD.test(c.text));
  };
  return { allows: (line) => marked(line, false) || (line > 1 && marked(line - 1, true)) };
}
