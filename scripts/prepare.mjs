#!/usr/bin/env node
/**
 * npm's `prepare`: runs on `npm install` in a clone, when npm installs this package from a git URL, and before
 * `npm pack` / `npm publish`. It sets up this repository's own husky hook and builds dist/, each only where its
 * tools are installed: `npm ci --omit=dev` (no husky, no compiler) must not fail. A package installed without a
 * build still runs: bin/secrets-guard.js builds it from the TypeScript sources at first run.
 * Everything goes to stderr: `npm pack` (which the pre-commit framework runs) must print only the tarball name.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const installed = (name) => {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
};

if (installed('husky')) {
  const { default: husky } = await import('husky');
  const outcome = husky();
  if (outcome) console.error(`prepare: husky: ${outcome}`);
}

if (installed('typescript') && installed('rolldown')) {
  // npm_execpath is the npm running this script; `npm` on PATH may be another one.
  const npm = process.env.npm_execpath;
  const [cmd, args] = npm ? [process.execPath, [npm, 'run', '--silent', 'build']] : ['npm', ['run', '--silent', 'build']];
  execFileSync(cmd, args, { stdio: ['ignore', process.stderr, process.stderr] });
} else {
  console.error('prepare: no build (typescript and rolldown are not installed); secrets-guard builds itself from its sources at first run');
}
