/**
 * Which part of the index a staged plan lists (index-plan.ts), decided here so that the early start of a staged
 * check (git-head-start.ts) can start exactly the same listings before the plan asks for them.
 */
import { statSync } from 'node:fs';
import { BASELINE_FILE } from '../../baseline/format.js';
import { GUARD_CONFIG_FILE } from '../../config/guard-config.js';
import { siblingPathspecs, type BlobEntry } from '../../git/tree-entries.js';
import { SECRETLINT_RC_FILES } from '../../secretlint/rc-files.js';

/** Files the engine reads from the root besides `.sops.yaml` files: configs and the baseline. */
export const SUPPORT_FILES = [GUARD_CONFIG_FILE, BASELINE_FILE, ...SECRETLINT_RC_FILES];
/** Past this many staged files, one full listing is cheaper than a pathspec per directory. */
const FULL_LISTING_ABOVE = 256;
/**
 * Above this index size (about 4,000 files) a staged check lists only the part of the index it needs: parsing a
 * whole listing then costs more than a second listing in a row.
 */
const LARGE_INDEX_BYTES = 512 * 1024;

/**
 * The pathspecs of the index entries a plan on a large index needs besides the staged files (their directories),
 * or undefined when the staged files are too many to be listed by directory and the whole index is listed instead.
 */
export function contextPathspecs(staged: readonly BlobEntry[]): string[] | undefined {
  return staged.length > FULL_LISTING_ABOVE ? undefined : siblingPathspecs(staged);
}

/** True for an index too large to be listed whole; undefined when there is no index file at `indexFile`. */
export function isLargeIndex(indexFile: string): boolean | undefined {
  try {
    return statSync(indexFile).size > LARGE_INDEX_BYTES;
  } catch {
    return undefined; // no index yet (a fresh repository), or not where we looked
  }
}
