/**
 * Inline suppression: a `secrets-guard-allow` comment on the finding's line, or alone on the line above it,
 * silences findings on that line (as gitleaks' `gitleaks:allow` and detect-secrets' `pragma: allowlist secret`).
 */
import type { LineIndex } from '../util/positions.js';

export const ALLOW_MARKER = 'secrets-guard-allow';
const COMMENT_ONLY = /^\s*(?:#|\/\/|;|--|\/\*|<!--|\*|%|REM\b)\s*secrets-guard-allow\b/;

export function isSuppressed(lines: LineIndex, line: number): boolean {
  if (lines.lineText(line).includes(ALLOW_MARKER)) return true;
  return line > 1 && COMMENT_ONLY.test(lines.lineText(line - 1));
}
