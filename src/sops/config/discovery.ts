/**
 * Which `.sops.yaml` governs a file. sops itself walks up from the current directory, not from the file
 * (docs/sops-format.md §1.1); a guard running at the repository root would then only ever see the root config. For
 * monorepos the guard instead takes the nearest `.sops.yaml` in the file's directory or above it, which is the
 * config sops uses when it is run from the file's directory (the usual way in such repositories).
 * Only `.sops.yaml` counts: sops ignores `.sops.yml` (with a warning).
 */
import { posix } from 'node:path';

export const SOPS_CONFIG_NAME = '.sops.yaml';
export const IGNORED_SOPS_CONFIG_NAME = '.sops.yml';

/** `.sops.yaml` or `.sops.yml`: a config file, which is never itself subject to creation rules. */
export function isSopsConfigFile(path: string): boolean {
  const base = posix.basename(path);
  return base === SOPS_CONFIG_NAME || base === IGNORED_SOPS_CONFIG_NAME;
}

/**
 * The repository-relative path of the nearest `.sops.yaml` at or above `filePath`'s directory, among
 * `configPaths` (repository-relative, `/`-separated); undefined when none is.
 */
export function governingConfig(configPaths: Iterable<string>, filePath: string): string | undefined {
  return configGoverningDirectory(configPaths, posix.dirname(filePath));
}

/** As governingConfig, for every file directly in `dir` (repository-relative, `.` for the root). */
export function configGoverningDirectory(configPaths: Iterable<string>, dir: string): string | undefined {
  const available = new Set<string>();
  for (const p of configPaths) if (posix.basename(p) === SOPS_CONFIG_NAME) available.add(posix.normalize(p));
  for (;;) {
    const candidate = dir === '.' ? SOPS_CONFIG_NAME : `${dir}/${SOPS_CONFIG_NAME}`;
    if (available.has(candidate)) return candidate;
    if (dir === '.' || dir === '/' || dir === '') return undefined;
    dir = posix.dirname(dir);
  }
}
