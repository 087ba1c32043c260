/**
 * What a check that runs on every commit will ask git, started before the engine loads (see git/head-start.ts).
 * A staged check: the repository probe, the staged files against HEAD, the blob reader, and the part of the index
 * the plan needs besides the staged files (index-plan.ts): all of a small index; the configs of a large one, then
 * the staged files' directories as soon as the staged files are known. A check of named paths (the pre-commit
 * framework's way): the probe and the index's paths. Each start is a guess that the plan code confirms by asking
 * for exactly the same command; a wrong guess (no commit yet, an index elsewhere, not a repository at all) costs
 * an idle git process, never a different answer.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { BASELINE_FILE } from '../../baseline/format.js';
import { GUARD_CONFIG_FILE } from '../../config/guard-config.js';
import { gitEnvironment } from '../../git/environment.js';
import { HeadStart } from '../../git/head-start.js';
import { REPOSITORY_PROBE } from '../../git/repository.js';
import { configPathspecs, INDEX_PATHS_LISTING, indexListing, parseRawDiff, siblingPathspecs, stagedListing, WHOLE_INDEX_LISTING, type BlobEntry } from '../../git/tree-entries.js';
import { SECRETLINT_RC_FILES } from '../../secretlint/rc-files.js';

/** Files the engine reads from the root besides `.sops.yaml` files: configs and the baseline. */
export const SUPPORT_FILES = [GUARD_CONFIG_FILE, BASELINE_FILE, ...SECRETLINT_RC_FILES];
/** Past this many staged files, one full listing is cheaper than a pathspec per directory. */
const FULL_LISTING_ABOVE = 256;
/**
 * Above this index size (about 4,000 files) a staged check lists only the part of the index it needs: parsing a
 * whole listing costs about 2 µs a file (30 ms at 15,000 files), more than a second listing in a row (about 8 ms).
 */
const LARGE_INDEX_BYTES = 512 * 1024;

/**
 * The pathspecs of the index entries a plan on a large index needs besides the staged files (their directories),
 * or undefined when the staged files are too many to be listed by directory and the whole index is listed instead.
 */
export function contextPathspecs(staged: readonly BlobEntry[]): string[] | undefined {
  return staged.length > FULL_LISTING_ABOVE ? undefined : siblingPathspecs(staged);
}

export function isLargeIndex(indexFile: string): boolean {
  return (indexSize(indexFile) ?? 0) > LARGE_INDEX_BYTES;
}

export function startStagedCheck(cwd: string, env: NodeJS.ProcessEnv): HeadStart {
  const gitEnv = gitEnvironment(env, cwd);
  const start = new HeadStart(cwd, gitEnv);
  start.start(REPOSITORY_PROBE);
  start.start(stagedListing('HEAD'));
  // The index is where git will look from a hook or the top level; from elsewhere, leave the choice to the plan.
  const size = indexSize(gitEnv.GIT_INDEX_FILE ?? join(cwd, '.git', 'index'));
  if (size !== undefined && size <= LARGE_INDEX_BYTES) start.start(WHOLE_INDEX_LISTING);
  else if (size !== undefined) {
    start.start(indexListing(configPathspecs(SUPPORT_FILES)));
    start.startAfter(stagedListing('HEAD'), (output) => {
      const pathspecs = contextPathspecs(parseRawDiff(output));
      // Nothing staged: the plan lists nothing more (an ls-files without pathspecs would list the whole index).
      return pathspecs?.length ? indexListing(pathspecs) : undefined;
    });
  }
  start.startBlobStream();
  return start;
}

export function startPathsCheck(cwd: string, env: NodeJS.ProcessEnv): HeadStart {
  const start = new HeadStart(cwd, gitEnvironment(env, cwd));
  start.start(REPOSITORY_PROBE);
  start.start(INDEX_PATHS_LISTING);
  return start;
}

function indexSize(indexFile: string): number | undefined {
  try {
    return statSync(indexFile).size;
  } catch {
    return undefined; // no index yet (a fresh repository), or not where we looked
  }
}
