/**
 * Rules own their ids: code outside rules/ learns about a rule from its meta (options, reads, docs, presentation),
 * never by naming it. A string literal equal to a rule id in src/ is a rule hard-coded into the engine, the CLI or a
 * formatter. The few that remain are listed with why, so a new one fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

const KNOWN: Readonly<Record<string, string>> = {
  // A credential name in the word list, not the rule.
  'detection/credential-names.ts jwt': 'word',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** String literals in code, comments left out. */
function literals(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/'([^'\n]*)'|"([^"\n]*)"/g)].map((m) => m[1] ?? m[2]!);
}

describe('rule ids', () => {
  it('appear as string literals only in rules/ (and in the known places listed here)', () => {
    const ids = new Set(rules.map((r) => r.meta.id));
    const found = sourceFiles(SRC).flatMap((file) =>
      [...new Set(literals(readFileSync(file, 'utf8')).filter((l) => ids.has(l)))].map((id) => `${relative(SRC, file)} ${id}`),
    );
    expect(found.filter((key) => !(key in KNOWN))).toEqual([]);
    // The list only shrinks: an entry whose literal is gone must go too.
    expect(Object.keys(KNOWN).filter((key) => !found.includes(key))).toEqual([]);
  });
});
