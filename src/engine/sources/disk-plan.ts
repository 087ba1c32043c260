/**
 * Paths mode: the named files as they are on disk (what the pre-commit framework and lint-staged pass).
 * Names are literal paths, never globs. Inside a repository, paths are shown relative to its root and the
 * `.sops.yaml` files above them are read from disk too, so the files and their rules come from one source.
 */
import { lstat, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from '../../errors.js';
import { isSopsConfigFile } from '../../sops/config/discovery.js';
import type { PlannedFile, ScanPlan } from '../plan.js';

export async function diskPlan(root: string, cwd: string, names: readonly string[], trackedPaths: readonly string[]): Promise<ScanPlan> {
  const files: PlannedFile[] = [];
  for (const name of names) {
    const absolute = isAbsolute(name) ? name : resolve(cwd, name);
    const stat = await lstat(absolute).catch(() => undefined);
    if (!stat) throw new UsageError(`no such file: ${name}`);
    if (stat.isSymbolicLink()) continue; // a link's target text is not file content
    if (!stat.isFile()) throw new UsageError(`not a regular file: ${name}`);
    const size = stat.size;
    files.push({ path: toRepoPath(root, absolute), read: async (cap) => (size > cap ? { size } : { size, bytes: await readFile(absolute) }) });
  }
  const known = new Set([...trackedPaths, ...files.map((f) => f.path)]);
  return {
    origin: 'disk',
    root,
    files,
    knownPaths: known,
    sopsConfigPaths: await sopsConfigsAbove(
      root,
      files.map((f) => f.path),
    ),
    readSupportFile: (path) => readFile(resolve(root, path)).catch(() => undefined),
    async readFile(path, cap) {
      if (!known.has(path)) return undefined;
      const absolute = resolve(root, path);
      const stat = await lstat(absolute).catch(() => undefined);
      return stat?.isFile() && stat.size <= cap ? readFile(absolute).catch(() => undefined) : undefined;
    },
    close: () => {},
  };
}

function toRepoPath(root: string, absolute: string): string {
  const rel = relative(root, absolute);
  return (rel.startsWith('..') || isAbsolute(rel) ? absolute : rel).split(sep).join('/');
}

/** Every `.sops.yaml` on disk in the directories from each file up to the root. */
async function sopsConfigsAbove(root: string, paths: readonly string[]): Promise<string[]> {
  const dirs = new Set<string>();
  for (const path of paths) {
    if (isAbsolute(path)) continue;
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      dirs.add(dir);
      if (dir === '.' || dir === '/') break;
    }
  }
  const found: string[] = [];
  for (const dir of dirs) {
    for (const name of ['.sops.yaml', '.sops.yml']) {
      const path = dir === '.' ? name : `${dir}/${name}`;
      const stat = await lstat(resolve(root, path)).catch(() => undefined);
      if (stat?.isFile() && isSopsConfigFile(path)) found.push(path);
    }
  }
  return found;
}
