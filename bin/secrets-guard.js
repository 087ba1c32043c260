#!/usr/bin/env node
/**
 * The `secrets-guard` command: runs the bundle the package ships (dist/bundle, built by `prepare`). An install
 * made with npm scripts disabled from a git URL, or by the pre-commit framework (which packs the repository at the
 * pinned commit), has no build: the TypeScript sources ship too, and bin/build-from-sources.js turns them into
 * dist/src and dist/rules (what tsc would write) once, at first run, with no dev dependency.
 */
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/bundle/bin.js', import.meta.url);
const compiled = new URL('../dist/src/bin.js', import.meta.url);

if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  if (!existsSync(compiled)) {
    const { buildFromSources } = await import('./build-from-sources.js');
    try {
      buildFromSources(new URL('..', import.meta.url));
    } catch (error) {
      // Fails closed: a hook that cannot check must block the commit (exit 2), with one line saying why.
      process.stderr.write(`secrets-guard: ${error.message}\n`);
      process.exit(2);
    }
  }
  await import(compiled.href);
}
