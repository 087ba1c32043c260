/**
 * The registry, the files in rules/, the README's rule table and the rule pages in docs/rules/ must agree
 * (commitlint's meta-test); SARIF links every rule to its page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { sarif } from '../src/formatters/sarif.js';
import type { ScanResult } from '../src/types.js';

const ids = rules.map((r) => r.meta.id);

describe('rule registry', () => {
  it('registers every module in rules/ under its file name, once', () => {
    const files = readdirSync(new URL('../rules/', import.meta.url))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.slice(0, -3));
    expect([...ids].sort()).toEqual(files.sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents every rule in the README table with its default severity and a link to its page', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('<!-- rules-table:start -->'), readme.indexOf('<!-- rules-table:end -->'));
    const rows = [...table.matchAll(/^\| \[`([a-z0-9-]+)`\]\(docs\/rules\/([a-z0-9-]+)\.md\) \| (error|warning) \|/gm)].map((m) => {
      expect(m[2], 'the row links to its own rule page').toBe(m[1]);
      return `${m[1]} ${m[3]}`;
    });
    expect(rows.sort()).toEqual(rules.map((r) => `${r.meta.id} ${r.meta.defaultSeverity}`).sort());
  });

  it('gives every rule a kebab-case id and a one-line description', () => {
    for (const rule of rules) {
      expect(rule.meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.meta.description).not.toMatch(/\n/);
      expect(rule.meta.description.length).toBeGreaterThan(10);
    }
  });

  it('has a page in docs/rules/ for every rule, a rule for every page, and an index linking them all', () => {
    const pages = readdirSync(new URL('../docs/rules/', import.meta.url))
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .map((f) => f.slice(0, -3));
    expect(pages.sort()).toEqual([...ids].sort());
    const index = readFileSync(new URL('../docs/rules/README.md', import.meta.url), 'utf8');
    const linked = [...index.matchAll(/\]\(([a-z0-9-]+)\.md\)/g)].map((m) => m[1]);
    expect([...new Set(linked)].sort()).toEqual([...ids].sort());
  });

  it('names its own page in meta.docs', () => {
    for (const rule of rules) {
      expect(rule.meta.docs).toBe(`docs/rules/${rule.meta.id}.md`);
      expect(readFileSync(new URL(`../${rule.meta.docs}`, import.meta.url), 'utf8')).toContain(rule.meta.id);
    }
  });

  it("links each rule's SARIF helpUri to its page in the repository package.json names", () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { repository: { url: string } };
    const repository = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    const finding = { ruleId: 'secretlint/github', severity: 'error', path: 'a.ts', line: 1, column: 1, message: 'm' } as const;
    const result: ScanResult = { findings: [finding], skipped: [], summary: { filesScanned: 1, filesSkipped: 0, errors: 1, warnings: 0, notes: [] } };
    const log = JSON.parse(sarif(result, { color: false, rules, toolVersion: '0.0.0' }));
    const described = log.runs[0].tool.driver.rules as Array<{ id: string; helpUri: string }>;
    expect(described.map((r) => r.id).sort()).toEqual([...ids, 'secretlint/github'].sort());
    for (const { id, helpUri } of described) expect(helpUri).toBe(`${repository}/blob/main/docs/rules/${id.split('/')[0]}.md`);
  });
});
