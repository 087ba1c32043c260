/**
 * The boundary checker on a made-up project: it must see every kind of import, resolve relative ones, and report
 * forbidden edges and cycles by name, or boundaries.test.ts would pass on anything.
 */
import { describe, expect, it } from 'vitest';
import { boundaryViolations, importCycles, importsOf } from './import-rules.js';

const PROJECT: Record<string, string> = {
  'src/a.ts':
    "import { b } from './b.js';\nimport type { C } from './c/index.js';\n/* import './not-an-import.js'; */\nconst glob = '**/*.ts';\nexport const a = b;\n",
  'src/b.ts': "export { c } from './c/index.js';\nexport const b = 1;\n",
  'src/c/index.ts': "import { type A } from '../a.js';\nexport type C = A;\nexport const c = async () => (await import('node:fs')).statSync;\n",
  'src/d.ts': "import './e.js';\nexport type T = typeof import('./e.js');\n",
  'src/e.ts': "import { readFileSync } from 'node:fs';\nimport type { styleText } from 'node:util';\n",
};
const paths = new Set(Object.keys(PROJECT));
const edges = Object.entries(PROJECT).flatMap(([path, text]) => importsOf(path, text, paths));

describe('the import checker', () => {
  it('reads static, type-only, re-exported, side-effect, dynamic and typeof imports, and nothing in comments', () => {
    expect(edges.map((e) => `${e.from} ${e.specifier} ${e.to ?? '-'} ${e.typeOnly ? 'type' : 'value'}`).sort()).toEqual([
      'src/a.ts ./b.js src/b.ts value',
      'src/a.ts ./c/index.js src/c/index.ts type',
      'src/b.ts ./c/index.js src/c/index.ts value',
      'src/c/index.ts ../a.js src/a.ts type',
      'src/c/index.ts node:fs - value',
      'src/d.ts ./e.js src/e.ts type',
      'src/d.ts ./e.js src/e.ts value',
      'src/e.ts node:fs - value',
      'src/e.ts node:util - type',
    ]);
  });

  it('names each cycle by its edges, type-only ones included, and nothing outside cycles', () => {
    expect(importCycles(edges)).toEqual([
      'import cycle: src/a.ts -> src/b.ts, src/a.ts -> src/c/index.ts, src/b.ts -> src/c/index.ts, src/c/index.ts -> src/a.ts',
    ]);
    const acyclic = edges.filter((e) => e.from !== 'src/c/index.ts');
    expect(importCycles(acyclic)).toEqual([]);
  });

  it('reports a forbidden edge as "from -> specifier: rule"', () => {
    const noFs = { rule: 'no fs in src/e.ts', appliesTo: (p: string) => p === 'src/e.ts', forbids: (e: { specifier: string }) => e.specifier === 'node:fs' };
    expect(boundaryViolations(edges, [noFs])).toEqual(['src/e.ts -> node:fs: no fs in src/e.ts']);
  });
});
