/**
 * Inline suppression: an allow marker in a comment silences the findings of one line. Our own marker,
 * `secrets-guard-allow`, counts on the finding's line or alone on the line above it; the markers of the tools a team
 * may be moving from count where those tools read them, so their annotations keep working:
 * - gitleaks' `gitleaks:allow`, on the finding's line;
 * - detect-secrets' `pragma: allowlist secret` (legacy `whitelist`), on the finding's line, and
 *   `pragma: allowlist nextline secret`, alone on the line above.
 * A marker counts only as a whole word inside a comment of the file's own syntax (comment-syntax.ts): never inside
 * a string, never in JSON, never as part of a longer word (`secrets-guard-allowed`). Findings about a whole file are
 * not the engine's to silence by line at all (see scan.ts): only `.secrets-guard.yaml` turns them off.
 */
import type { LineIndex } from '../util/positions.js';
import { commentSyntaxFor, commentsOnLine } from './comment-syntax.js';

interface MarkerForm {
  /** Tested against a comment's text (leader and closer removed). */
  readonly pattern: RegExp;
  /** Silences the comment's own line. */
  readonly sameLine: boolean;
  /** Silences the next line when the comment is alone on its line. */
  readonly nextLine: boolean;
}

const MARKERS: readonly MarkerForm[] = [
  { pattern: /(?<![\w-])secrets-guard-allow(?![\w-])/, sameLine: true, nextLine: true },
  { pattern: /(?<![\w-])gitleaks:allow(?![\w-])/, sameLine: true, nextLine: false },
  // detect-secrets reads the pragma at the start of the comment.
  { pattern: /^\s*pragma: ?(?:allow|white)list[ -]secret(?![\w-])/, sameLine: true, nextLine: false },
  { pattern: /^\s*pragma: ?allowlist[ -]nextline[ -]secret(?![\w-])/, sameLine: false, nextLine: true },
];

/** Text every marker contains: most lines hold none of these, and are not parsed for comments. */
const HINTS = ['secrets-guard-allow', 'gitleaks:allow', 'pragma'];

export interface AllowMarkers {
  /** Whether findings on this 1-based line are silenced by a marker. */
  allows(line: number): boolean;
}

export function allowMarkersIn(path: string, lines: LineIndex): AllowMarkers {
  const syntax = commentSyntaxFor(path);
  if (!syntax) return { allows: () => false };
  const marked = (line: number, reach: 'sameLine' | 'nextLine'): boolean => {
    const text = lines.lineText(line);
    if (!HINTS.some((hint) => text.includes(hint))) return false;
    const comments = commentsOnLine(text, syntax).filter((c) => reach === 'sameLine' || c.alone);
    return MARKERS.some((m) => m[reach] && comments.some((c) => m.pattern.test(c.text)));
  };
  return { allows: (line) => marked(line, 'sameLine') || (line > 1 && marked(line - 1, 'nextLine')) };
}
