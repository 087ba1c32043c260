#!/usr/bin/env node
/**
 * Bundles the compiled CLI (dist/src, dist/rules) into dist/bundle/, the entry point the package ships. A commit
 * hook pays for every module Node resolves and loads: ~90 files (our own, yaml and their
 * dependencies) cost about a quarter of a staged check's wall time; one chunk per lazy boundary costs less.
 *
 * Kept as separate packages, resolved from node_modules at run time:
 * - @secretlint/*: a team's .secretlintrc rules are imported by name next to the bundled preset, and the profiler
 *   we switch off must be the instance @secretlint/core itself imports;
 * - age-encryption: loaded only to verify a sops file, never on the common path.
 *
 * dist/bundle/ sits two levels below the project root, as dist/src/ does, so `new URL('../../package.json',
 * import.meta.url)` (version.ts) reads the same file from either layout.
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}dist/bundle`;

await rm(outDir, { recursive: true, force: true });
await build({
  cwd: root,
  input: { bin: 'dist/src/bin.js', 'scan-worker': 'dist/src/engine/parallel/scan-worker.js' },
  platform: 'node',
  external: [/^@secretlint\//, /^age-encryption(\/|$)/, /^node:/],
  resolve: {
    alias: {
      // yaml's ES module build (published for browsers, the same parser) instead of its CommonJS one: 72 wrapped
      // modules evaluated whole on a commit that only parses a .sops.yaml, against the parts actually used.
      yaml: `${root}node_modules/yaml/browser/index.js`,
    },
  },
  logLevel: 'warn',
  output: {
    dir: outDir,
    format: 'esm',
    // The worker is found by name next to the chunk that starts it (parallel/scan-in-workers.ts: new URL('./scan-worker.js')).
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
  },
});
