#!/usr/bin/env node
/**
 * Builds a committed revision of secrets-guard into .bench/builds/<commit>/ (git archive + tsc), so a benchmark
 * measures exactly that revision, not whatever the shared dist/ holds at the moment, and two revisions can be
 * compared. Prints the entry point to pass to `bench/run.mjs --bin`. Packages resolve from the project's
 * node_modules because the build lives inside the project.
 *
 *   node bench/snapshot-build.mjs [REV]        (default HEAD)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { git } from './lib/git.mjs';
import { PROJECT_ROOT } from './synthetic-repo.mjs';

const rev = process.argv[2] ?? 'HEAD';
const commit = git(PROJECT_ROOT, ['rev-parse', '--verify', `${rev}^{commit}`]).trim();
const root = join(PROJECT_ROOT, '.bench/builds', commit.slice(0, 12));
// Builds from before the bundle (scripts/bundle.mjs) ship dist/src/bin.js; later ones dist/bundle/bin.js.
const entryPoints = [join(root, 'dist/bundle/bin.js'), join(root, 'dist/src/bin.js')];
if (!entryPoints.some((p) => existsSync(p))) {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const archive = execFileSync(
    'git',
    [
      'archive',
      '--format=tar',
      commit,
      'src',
      'rules',
      'tsconfig.json',
      'tsconfig.build.json',
      'package.json',
      ...(git(PROJECT_ROOT, ['ls-tree', '--name-only', commit, 'scripts/bundle.mjs']).trim() ? ['scripts'] : []),
    ],
    { cwd: PROJECT_ROOT, maxBuffer: 512 * 1024 * 1024 },
  );
  execFileSync('tar', ['-x', '-C', root], { input: archive });
  // The bundler resolves its aliases (yaml's ES build, the quiet debug) under the build's own root.
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  try {
    execFileSync(join(PROJECT_ROOT, 'node_modules/.bin/tsc'), ['-p', join(root, 'tsconfig.build.json')], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } catch (error) {
    // tsc emits despite type errors; only a missing entry point is fatal.
    if (!existsSync(entryPoints[1])) throw error;
  }
  if (existsSync(join(root, 'scripts/bundle.mjs')))
    execFileSync(process.execPath, [join(root, 'scripts/bundle.mjs')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}
process.stdout.write(`${entryPoints.find((p) => existsSync(p))}\n`);
