/**
 * Builds dist/src and dist/rules from the shipped TypeScript sources with Node's own type stripping (the sources
 * use erasable syntax only, so stripping is the whole compilation and keeps every line and column). Written into
 * a temporary directory and renamed into place, so hooks started in parallel (the pre-commit framework runs
 * several) either build it or find it complete.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE_DIRS = ['src', 'rules'];
const NO_BUILD = 'this install has no build (npm scripts were disabled when it was installed)';

/** `root`: the package directory (a file URL). */
export function buildFromSources(root) {
  const dir = fileURLToPath(root);
  if (typeof module.stripTypeScriptTypes !== 'function') {
    throw new Error(`${NO_BUILD} and node ${process.version} cannot build it: use node 22.13 or newer, or reinstall with npm scripts enabled`);
  }
  let temp;
  try {
    temp = mkdtempSync(join(dir, '.dist-'));
  } catch (error) {
    throw new Error(`${NO_BUILD} and ${dir} is not writable to build it (${error.code}): reinstall with npm scripts enabled, or from a packed tarball`, {
      cause: error,
    });
  }
  try {
    for (const sourceDir of SOURCE_DIRS) stripTree(join(dir, sourceDir), join(temp, sourceDir));
    renameSync(temp, join(dir, 'dist'));
  } catch (error) {
    // Another process finished first: its build is the same.
    if (!['EEXIST', 'ENOTEMPTY'].includes(error.code))
      throw new Error(`${NO_BUILD} and building it from the sources failed: ${error.message}`, { cause: error });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function stripTree(from, to) {
  const files = readdirSync(from, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  // Type stripping is experimental in Node 22 and says so once per process; the user asked for a check, not that.
  const emitWarning = process.emitWarning;
  process.emitWarning = () => {};
  try {
    for (const file of files) {
      const out = join(to, `${file.slice(0, -3)}.js`);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, module.stripTypeScriptTypes(readFileSync(join(from, file), 'utf8')));
    }
  } finally {
    process.emitWarning = emitWarning;
  }
}
