/**
 * The stylish formatter on 40,000 findings in one file (a file of tokens): every finding is printed once, in order,
 * in columns as wide as the widest entry. The formatter groups and measures in one pass over the findings; before,
 * it copied each file's group on every finding (quadratic: about a minute for this report).
 */
import { describe, expect, it } from 'vitest';
import { stylish } from '../../src/formatters/stylish.js';
import type { Finding, ScanResult } from '../../src/types.js';

const MANY = 40_000;

function finding(path: string, line: number, severity: Finding['severity']): Finding {
  return { ruleId: 'secretlint/github', severity, path, line, column: 7, message: 'found GitHub Token(****): **** [GITHUB_TOKEN]' };
}

const findings = [...Array.from({ length: MANY }, (_, i) => finding('tokens.txt', i + 1, i % 2 === 0 ? 'error' : 'warning')), finding('other.txt', 3, 'error')];
const result: ScanResult = {
  findings,
  skipped: [],
  summary: { filesScanned: 2, filesSkipped: 0, errors: MANY / 2 + 1, warnings: MANY / 2, notes: [] },
};

describe('stylish with 40,000 findings in one file', () => {
  const lines = stylish(result, { color: false, rules: [], toolVersion: '0' }).split('\n');

  it('prints each finding once, in order, under its file', () => {
    expect(lines[0]).toBe('tokens.txt');
    const rows = lines.slice(1, MANY + 1);
    expect(rows.map((row) => Number(/^ {2}(\d+):7 /.exec(row)?.[1]))).toEqual(Array.from({ length: MANY }, (_, i) => i + 1));
    expect(lines.slice(MANY + 1, MANY + 4)).toEqual(['', 'other.txt', '  3:7  error  found GitHub Token(****): **** [GITHUB_TOKEN]  secretlint/github']);
  });

  it('pads columns to the widest position and severity of the file', () => {
    expect(lines[1]).toBe('  1:7      error    found GitHub Token(****): **** [GITHUB_TOKEN]  secretlint/github');
    expect(lines[MANY]).toBe('  40000:7  warning  found GitHub Token(****): **** [GITHUB_TOKEN]  secretlint/github');
  });

  it('ends with the summary line', () => {
    expect(lines.at(-2)).toBe(`✖ ${MANY + 1} problem(s) (${MANY / 2 + 1} error(s), ${MANY / 2} warning(s)) in 2 file(s) scanned`);
  });
});
