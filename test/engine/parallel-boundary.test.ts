/**
 * The speed machinery sits behind one boundary: only src/engine/parallel/ may load worker threads or touch V8's
 * heap (node:worker_threads, node:v8, node:vm), statically or through import(). Everything else in src/ and rules/
 * runs the same in any thread.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const THREAD_AND_HEAP = /(?:from\s+|import\s*\(\s*)['"](?:node:)?(worker_threads|v8|vm)['"]/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

describe('engine/parallel boundary', () => {
  it('is the only place that imports worker_threads, v8 or vm', () => {
    const offenders = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'rules'))]
      .map((path) => relative(ROOT, path).split('\\').join('/'))
      .filter((path) => !path.startsWith('src/engine/parallel/'))
      .flatMap((path) => [...readFileSync(join(ROOT, path), 'utf8').matchAll(THREAD_AND_HEAP)].map((m) => `${path}: ${m[1]}`));
    expect(offenders).toEqual([]);
  });

  it('sees such an import where there is one', () => {
    const heapMode = readFileSync(join(ROOT, 'src/engine/parallel/heap-mode.ts'), 'utf8');
    expect([...heapMode.matchAll(THREAD_AND_HEAP)].map((m) => m[1]).sort()).toEqual(['v8', 'vm']);
  });
});
