/**
 * The layering of docs/architecture.md ("Boundaries the tests enforce"), checked on every .ts file of src/ and
 * rules/: a forbidden import or an import cycle fails with the offending edges.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/git-repo.js';
import { boundaryViolations, importCycles, importsOf, type Boundary, type ImportEdge } from './import-rules.js';

/**
 * Modules outside engine/parallel/ that still own threads, heap mode or the V8 and vm modules, until the engine's
 * parallel machinery moves there; the list only shrinks.
 */
const PARALLEL_OUTSIDE_ITS_DIRECTORY: string[] = [];
/** Cycles tolerated for now: none. A new one fails the test with its edges. */
const KNOWN_CYCLES: string[] = [];
/** Modules outside src/git/ that start a process: sops' key command (SOPS_AGE_KEY_CMD), which is not git. */
const PROCESSES_OUTSIDE_GIT = ['src/sops/keys.ts'];

const isNode =
  (...names: string[]) =>
  (e: ImportEdge) =>
    names.some((n) => e.specifier === n || e.specifier === `node:${n}` || e.specifier.startsWith(`node:${n}/`) || e.specifier.startsWith(`${n}/`));
const reaches =
  (...dirs: string[]) =>
  (e: ImportEdge) =>
    e.to !== undefined && dirs.some((d) => (d.endsWith('/') ? e.to!.startsWith(d) : e.to === d));
const atRunTime = (forbids: (e: ImportEdge) => boolean) => (e: ImportEdge) => !e.typeOnly && forbids(e);

const BOUNDARIES: readonly Boundary[] = [
  {
    rule: 'rules never reach the engine, git, the CLI or the commands',
    appliesTo: (p) => p.startsWith('rules/'),
    forbids: reaches('src/engine/', 'src/git/', 'src/commands/', 'src/cli.ts', 'src/cli-options.ts'),
  },
  {
    rule: 'rules never touch the file system or start a process',
    appliesTo: (p) => p.startsWith('rules/'),
    forbids: atRunTime(isNode('fs', 'child_process')),
  },
  { rule: 'git never imports the engine', appliesTo: (p) => p.startsWith('src/git/'), forbids: reaches('src/engine/') },
  {
    rule: 'formatters are pure: no Node module',
    appliesTo: (p) => p.startsWith('src/formatters/'),
    forbids: atRunTime((e) => e.specifier.startsWith('node:')),
  },
  {
    rule: 'only src/git/ starts processes (git/run.ts is the one git runner)',
    appliesTo: (p) => !p.startsWith('src/git/') && !PROCESSES_OUTSIDE_GIT.includes(p),
    forbids: (e) => isNode('child_process')(e) || e.specifier === 'simple-git',
  },
  {
    rule: 'only src/engine/parallel/ owns threads, heap mode, V8 flags and vm',
    appliesTo: (p) => !p.startsWith('src/engine/parallel/') && !PARALLEL_OUTSIDE_ITS_DIRECTORY.includes(p),
    forbids: atRunTime(isNode('worker_threads', 'v8', 'vm')),
  },
];

function sourceFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of ['src', 'rules']) {
    for (const entry of readdirSync(join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const path = join(entry.parentPath, entry.name);
      files.set(relative(PROJECT_ROOT, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  }
  return files;
}

describe('module boundaries', () => {
  const files = sourceFiles();
  const paths = new Set(files.keys());
  const edges = [...files].flatMap(([path, text]) => importsOf(path, text, paths));

  it('read the imports of every module of src/ and rules/', () => {
    expect(files.size).toBeGreaterThan(100);
    expect(edges.filter((e) => e.specifier.startsWith('.') && !e.to)).toEqual([]); // every relative import resolved
  });

  it('hold: no module imports across a boundary', () => {
    expect(boundaryViolations(edges, BOUNDARIES)).toEqual([]);
  });

  it('leave no import cycle', () => {
    expect(importCycles(edges)).toEqual(KNOWN_CYCLES);
  });
});
