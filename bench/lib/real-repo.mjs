/**
 * Real repositories for the benchmark: a clone given by path is measured in a scratch copy (`git clone --shared`,
 * cached under .bench/real/ by its HEAD), because the staged case edits and stages files and must never touch the
 * original. The manifest has the fields the synthetic repository's has, so both go through the same cases.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { git } from './git.mjs';

/** Sizes of the files at HEAD: what `check --all` reads. */
function headFiles(dir) {
  const sizes = [];
  for (const line of git(dir, ['ls-tree', '-r', '-l', '-z', 'HEAD']).split('\0')) {
    const m = /^\d+ blob [0-9a-f]+ +(\d+)\t(.*)$/s.exec(line);
    if (m) sizes.push({ path: m[2], bytes: Number(m[1]) });
  }
  return sizes;
}

export function prepareRealRepo(source, cacheDir) {
  const origin = resolve(source);
  if (!existsSync(origin)) throw new Error(`${origin}: no such repository`);
  const head = git(origin, ['rev-parse', 'HEAD']).trim();
  const name = basename(origin).replace(/[^A-Za-z0-9._+-]/g, '_');
  const dir = join(cacheDir, 'real', `${name}-${head.slice(0, 12)}`);
  if (!existsSync(join(dir, '.git'))) {
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(join(cacheDir, 'real'), { recursive: true });
    git(cacheDir, ['clone', '-q', '--shared', '--no-checkout', origin, tmp]);
    git(tmp, ['checkout', '-q', '--detach', head]);
    renameSync(tmp, dir);
  }
  git(dir, ['reset', '-q', '--hard', head]);
  git(dir, ['clean', '-q', '-fdx']);
  const files = headFiles(dir);
  let largestFile = { path: '', bytes: 0 };
  for (const f of files) if (f.bytes > largestFile.bytes) largestFile = f;
  const commits = Number(git(dir, ['rev-list', '--count', 'HEAD']).trim());
  return { dir, name: basename(origin), head, commits, files: files.length, bytes: files.reduce((n, f) => n + f.bytes, 0), largestFile, real: true };
}
