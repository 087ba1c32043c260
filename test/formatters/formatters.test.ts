/**
 * The formatters in-process, on one result with a hostile file name (a newline, an escape character, a comma and a
 * colon, as git allows): each format carries every finding and the summary, and none lets the name restyle a
 * terminal or break its own syntax. The CLI's formats on real repositories are in test/cli/.
 */
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { formatters } from '../../src/formatters/index.js';
import type { FormatContext } from '../../src/formatters/types.js';
import type { ScanResult } from '../../src/types.js';

const HOSTILE_PATH = 'deploy/a,b:\x1b[31mred\nline.env';
const result: ScanResult = {
  findings: [
    { ruleId: 'plaintext-env-file', severity: 'error', path: HOSTILE_PATH, line: 1, column: 1, message: 'plaintext .env file with 1 value(s)' },
    {
      ruleId: 'high-entropy-string',
      severity: 'warning',
      path: 'src/app.ts',
      line: 3,
      column: 14,
      endLine: 3,
      endColumn: 54,
      message: 'random-looking string assigned to api_key',
    },
  ],
  skipped: [{ path: 'logo.png', reason: 'binary content', kind: 'binary' }],
  summary: { filesScanned: 3, filesSkipped: 1, errors: 1, warnings: 1, notes: [] },
};
const context: FormatContext = { color: false, rules, toolVersion: '0.0.0', scanStart: new Date(0), scanEnd: new Date(1000) };

describe('formatters', () => {
  it('json: one object holding every finding, the skipped file and the summary, with the real name', () => {
    const report = JSON.parse(formatters.json(result, context));
    expect(report.findings.map((f: { path: string }) => f.path)).toEqual([HOSTILE_PATH, 'src/app.ts']);
    expect(report.skipped).toEqual([{ path: 'logo.png', reason: 'binary content', kind: 'binary' }]);
    expect(report.summary).toMatchObject({ filesScanned: 3, errors: 1, warnings: 1 });
  });

  it('github: one annotation per finding, the name escaped as a property, the span and a title', () => {
    const lines = formatters.github(result, context).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^::error file=deploy\/a%2Cb%3A\\x1b\[31mred%0Aline\.env,line=1,col=1,title=secrets-guard plaintext-env-file::/);
    expect(lines[1]).toContain('::warning file=src/app.ts,line=3,col=14,endLine=3,endColumn=54,');
    expect(lines[2]).toMatch(/^secrets-guard: 1 error\(s\), 1 warning\(s\) in 3 file\(s\)/);
  });

  it('stylish: grouped by file with a summary line, and no raw control character from the name', () => {
    const text = formatters.stylish(result, context);
    expect(text).not.toContain('\x1b');
    expect(text).toContain('\\x1b[31mred');
    expect(text).toMatch(/plaintext-env-file/);
    expect(text).toMatch(/2 problem\(s\) \(1 error\(s\), 1 warning\(s\)\)/);
  });

  it('sarif: one result per finding, each rule described once, the region where the rule located it', () => {
    const run = JSON.parse(formatters.sarif(result, context)).runs[0];
    expect(run.results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['plaintext-env-file', 'high-entropy-string']);
    expect(run.results[1].locations[0].physicalLocation.region).toMatchObject({ startLine: 3, startColumn: 14, endLine: 3, endColumn: 54 });
    const described = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(new Set(described).size).toBe(described.length);
  });

  it('gitlab: a secret detection report with one vulnerability per finding', () => {
    const report = JSON.parse(formatters.gitlab(result, context));
    expect(report.scan.type).toBe('secret_detection');
    expect(report.vulnerabilities.map((v: { location: { file: string; start_line: number } }) => [v.location.file, v.location.start_line])).toEqual([
      [HOSTILE_PATH, 1],
      ['src/app.ts', 3],
    ]);
  });
});
