/**
 * `--format github`: GitHub Actions workflow commands, one annotation per finding, shown on the pull request diff
 * over the offending span (endLine/endColumn when the rule located one) under a title naming the tool and rule.
 * Data and property values are escaped as the runner expects (%, CR, LF; and `:` `,` in properties), and every
 * other control character from the repository is written as an escape (`\x1b`) so the log cannot be restyled.
 */
import { escapeControl } from '../util/terminal-text.js';
import { skippedSuffix } from './skipped.js';
import type { Formatter } from './types.js';

const escapeData = (s: string): string => escapeControl(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (result) => {
  const lines = result.findings.map((f) => {
    const end = f.endLine !== undefined && f.endColumn !== undefined ? [`endLine=${f.endLine}`, `endColumn=${f.endColumn}`] : [];
    const props = [`file=${escapeProperty(f.path)}`, `line=${f.line}`, `col=${f.column}`, ...end, `title=${escapeProperty(`secrets-guard ${f.ruleId}`)}`];
    const where = f.commit ? ` (commit ${f.commit.slice(0, 12)})` : '';
    return `::${f.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(f.message + where)}`;
  });
  const { errors, warnings, filesScanned } = result.summary;
  lines.push(`secrets-guard: ${errors} error(s), ${warnings} warning(s) in ${filesScanned} file(s)${escapeData(skippedSuffix(result.skipped))}`);
  return lines.join('\n') + '\n';
};
