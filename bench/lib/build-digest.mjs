/**
 * Fingerprint of the build being measured (every file under the dist directory). Others rebuild dist/ while they
 * work: the harness records the digest before and after a run, so a table never silently mixes two builds.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function buildDigest(distRoot) {
  const hash = createHash('sha256');
  const walk = (dir, rel) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, `${rel}${entry.name}/`);
      else if (entry.isFile()) hash.update(`${rel}${entry.name}\0`).update(readFileSync(path)).update('\0');
    }
  };
  walk(distRoot, '');
  return hash.digest('hex').slice(0, 12);
}
