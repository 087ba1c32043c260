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
import { commentSyntaxFor, commentsOnLine, type CommentSyntax, type LineComment } from './comment-syntax.js';

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
  // Worked out once per line: a hostile line can hold tens of thousands of findings, each asking about it.
  const reachOf = new Map<number, LineReach>();
  const reach = (line: number): LineReach => {
    let known = reachOf.get(line);
    if (!known) reachOf.set(line, (known = markerReach(lines.lineText(line), syntax)));
    return known;
  };
  return { allows: (line) => reach(line).sameLine || (line > 1 && reach(line - 1).nextLine) };
}

type LineReach = Readonly<Record<'sameLine' | 'nextLine', boolean>>;
const NO_REACH: LineReach = { sameLine: false, nextLine: false };

function markerReach(text: string, syntax: CommentSyntax): LineReach {
  if (!HINTS.some((hint) => text.includes(hint))) return NO_REACH;
  const comments = commentsOnLine(text, syntax);
  const marks = (reach: keyof LineReach, among: readonly LineComment[]): boolean => MARKERS.some((m) => m[reach] && among.some((c) => m.pattern.test(c.text)));
  return {
    sameLine: marks('sameLine', comments),
    nextLine: marks(
      'nextLine',
      comments.filter((c) => c.alone),
    ),
  };
}
