/** The registry, the files in rules/ and the README's rule table must agree (commitlint's meta-test). */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';

const ids = rules.map((r) => r.meta.id);

describe('rule registry', () => {
  it('registers every module in rules/ under its file name, once', () => {
    const files = readdirSync(new URL('../rules/', import.meta.url))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.slice(0, -3));
    expect([...ids].sort()).toEqual(files.sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents every rule in the README table with its default severity', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('<!-- rules-table:start -->'), readme.indexOf('<!-- rules-table:end -->'));
    const rows = [...table.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(rows.sort()).toEqual(rules.map((r) => `${r.meta.id} ${r.meta.defaultSeverity}`).sort());
  });

  it('gives every rule a kebab-case id and a one-line description', () => {
    for (const rule of rules) {
      expect(rule.meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.meta.description).not.toMatch(/\n/);
      expect(rule.meta.description.length).toBeGreaterThan(10);
    }
  });
});
