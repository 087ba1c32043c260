/**
 * eslint-like output: findings grouped by file, `line:column  severity  message  rule-id`, then a summary line.
 * Linear in the number of findings (one report may carry tens of thousands in one file). Every text from the
 * repository (paths, messages, rule ids of third-party rules, notes) is escaped for the terminal.
 */
import type { styleText } from 'node:util';
import type { Finding } from '../types.js';
import { nodeUtil } from '../util/builtin.js';
import { escapeControl } from '../util/terminal-text.js';
import { skippedSuffix } from './skipped.js';
import type { Formatter } from './types.js';

type Style = Parameters<typeof styleText>[0];

/** The ways past a blocked commit, from the narrowest to the bluntest. */
const COMMIT_HINTS = [
  'not a secret? end the line with a `secrets-guard-allow` comment',
  'accept the findings already in the repository, after review: secrets-guard baseline, then commit .secrets-guard-baseline.json',
  'commit anyway, consciously: git commit --no-verify',
];

export const stylish: Formatter = (result, { color, commitHints }) => {
  // The caller decides about colour (TTY, NO_COLOR, --color); styleText must not second-guess it from process.stdout.
  const paint = (style: Style, text: string): string => (color ? nodeUtil().styleText(style, text, { validateStream: false }) : text);
  const out: string[] = [];
  for (const [file, findings] of groupByFile(result.findings)) {
    out.push('', paint('underline', escapeControl(file)));
    let width = 0;
    let sevWidth = 0;
    const rows = findings.map((f) => {
      const row = [
        `  ${f.line}:${f.column}`,
        f.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warning'),
        escapeControl(f.message.replace(/\s*\n\s*/g, ' ')),
        paint('dim', escapeControl(f.ruleId)),
      ] as const;
      width = Math.max(width, row[0].length);
      sevWidth = Math.max(sevWidth, row[1].length);
      return row;
    });
    for (const [pos, sev, message, id] of rows) out.push(`${pos.padEnd(width)}  ${sev.padEnd(sevWidth)}  ${message}  ${id}`);
  }
  for (const skip of result.skipped.filter((s) => s.kind !== 'binary')) out.push('', paint('dim', escapeControl(`note: skipped ${skip.path}: ${skip.reason}`)));
  for (const note of result.summary.notes) out.push(paint('dim', escapeControl(`note: ${note}`)));
  const { errors, warnings, filesScanned } = result.summary;
  const total = errors + warnings;
  const skipped = skippedSuffix(result.skipped);
  const line =
    total === 0
      ? `✔ no secrets found in ${filesScanned} file(s)${skipped}`
      : `✖ ${total} problem(s) (${errors} error(s), ${warnings} warning(s)) in ${filesScanned} file(s) scanned${skipped}`;
  out.push('', paint(total === 0 ? 'green' : errors > 0 ? 'red' : 'yellow', line), '');
  if (commitHints && errors > 0) out.push(...COMMIT_HINTS.map((hint) => paint('dim', `  ${hint}`)), '');
  return out.join('\n').replace(/^\n/, '');
};

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.commit ? `${f.path} (${f.commit.slice(0, 12)})` : f.path;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return groups;
}
