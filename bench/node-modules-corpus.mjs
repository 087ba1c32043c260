#!/usr/bin/env node
/**
 * A real-text corpus for the benchmark: 4,000 JS/TS/JSON/Markdown files copied from this project's node_modules
 * into a fresh git repository of one commit. Real code and documentation, unlike the synthetic repository's
 * generated text: minified bundles, long lines, base64 blobs, many quoted strings, which is where a secret scanner
 * spends its time. The selection is deterministic for a given node_modules: files are ranked by a hash of their
 * path, so it is a fixed sample spread over every package rather than the first packages in alphabetical order.
 * Built repositories are cached under .bench/corpus/ by a digest of the selection.
 *
 *   node bench/node-modules-corpus.mjs [--files 4000] [--max-file-size 1MB] [--force]   (prints the directory)
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { git } from './lib/git.mjs';
import { formatSize, parseSize } from './lib/size.mjs';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Not `node_modules/`: the secretlint CLI skips that directory whatever it is given, and must read the same files. */
const LAYOUT = 'packages';
const TEXT_FILE = /\.(?:[cm]?js|[cm]?ts|tsx|jsx|json|md)$/i;

/** Every candidate file under node_modules (symlinks not followed), as paths relative to it, sorted. */
function candidates(root, maxBytes) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== '.bin' && entry.name !== '.cache') walk(path);
      else if (entry.isFile() && TEXT_FILE.test(entry.name)) {
        const { size } = statSync(path);
        if (size > 0 && size <= maxBytes) found.push({ path: relative(root, path), size });
      }
    }
  };
  walk(root);
  return found.sort((a, b) => (a.path < b.path ? -1 : 1));
}

const rank = (path) => createHash('sha1').update(path).digest('hex');

/** @returns {{ dir: string, files: number, bytes: number, cached: boolean }} */
export function buildNodeModulesCorpus({ files = 4000, maxFileSize = parseSize('1MB'), force = false, cacheDir = join(PROJECT_ROOT, '.bench') } = {}) {
  const source = realpathSync(join(PROJECT_ROOT, 'node_modules'));
  const chosen = candidates(source, maxFileSize)
    .map((c) => ({ ...c, rank: rank(c.path) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : 1))
    .slice(0, files)
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  const digest = createHash('sha256')
    .update(LAYOUT)
    .update(chosen.map((c) => `${c.path}\0${c.size}`).join('\n'))
    .digest('hex')
    .slice(0, 12);
  const dir = join(cacheDir, 'corpus', `node-modules-${chosen.length}-${digest}`);
  const bytes = chosen.reduce((n, c) => n + c.size, 0);
  if (!force && existsSync(join(dir, '.git'))) {
    git(dir, ['reset', '-q', '--hard', 'HEAD']);
    git(dir, ['clean', '-q', '-fdx']);
    return { dir, files: chosen.length, bytes, cached: true };
  }
  rmSync(dir, { recursive: true, force: true });
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    mkdirSync(tmp, { recursive: true });
    git(tmp, ['init', '-q', '--initial-branch', 'main']);
    for (const c of chosen) {
      const target = join(tmp, LAYOUT, c.path);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(source, c.path), target);
    }
    // A .gitignore inside a copied package must not drop files: the list is added as it is.
    writeFileSync(join(tmp, '.git', 'info', 'exclude'), '');
    git(tmp, ['add', '--force', '--', '.']);
    git(tmp, ['commit', '-q', '--no-verify', '-m', `${chosen.length} text files from node_modules`], {
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: 'Bench',
        GIT_AUTHOR_EMAIL: 'bench@example.invalid',
        GIT_COMMITTER_NAME: 'Bench',
        GIT_COMMITTER_EMAIL: 'bench@example.invalid',
        GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z',
        GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z',
      },
    });
    // Packed, as a clone is: 4,000 loose objects would measure the file system's open() more than the scanners.
    git(tmp, ['repack', '-a', '-d', '-q']);
    renameSync(tmp, dir);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  return { dir, files: chosen.length, bytes, cached: false };
}

async function main() {
  const { values } = parseArgs({
    options: { files: { type: 'string', default: '4000' }, 'max-file-size': { type: 'string', default: '1MB' }, force: { type: 'boolean' } },
  });
  const corpus = buildNodeModulesCorpus({ files: Number(values.files), maxFileSize: parseSize(values['max-file-size']), force: values.force });
  process.stdout.write(`${corpus.dir}\n`);
  process.stderr.write(`  ${corpus.files} files, ${formatSize(corpus.bytes)}${corpus.cached ? ' (cached)' : ''}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`node-modules-corpus: ${error.message}\n`);
    process.exitCode = 2;
  });
}
