/**
 * No import cycle among the engine's modules, the sops core and the rules, counting type imports and dynamic
 * imports: a cycle (lint.ts <-> run-lint.ts was one) makes the load order decide what a module sees at start-up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIRS = ['src/engine', 'src/sops', 'rules'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function cycles(files: readonly string[]): string[] {
  const inScope = new Set(files);
  const edges = new Map(
    files.map((file) => {
      const targets = [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*)'(\.[^']+)'/g)].map((m) =>
        resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')),
      );
      return [file, targets.filter((t) => inScope.has(t))];
    }),
  );
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open')
        found.push(
          stack
            .slice(stack.indexOf(next))
            .map((f) => relative(ROOT, f))
            .join(' -> '),
        );
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return found;
}

describe('imports', () => {
  it(`form no cycle within ${DIRS.join(', ')}`, () => {
    expect(cycles(DIRS.flatMap((d) => sourceFiles(join(ROOT, d))))).toEqual([]);
  });
});
