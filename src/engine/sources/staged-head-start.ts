/**
 * What a staged check will ask git, started before the engine loads (see git/head-start.ts): the repository probe,
 * the staged files against HEAD, the whole listing of a small index, and the blob reader. Each start is a guess
 * that the plan code confirms by asking for exactly the same command; a wrong guess (no commit yet, a large or
 * unusual index) costs an idle git process, never a different answer.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { gitEnvironment } from '../../git/environment.js';
import { HeadStart } from '../../git/head-start.js';
import { REPOSITORY_PROBE } from '../../git/repository.js';
import { stagedListing, WHOLE_INDEX_LISTING } from '../../git/tree-entries.js';

/** Above this index size (about 20,000 files) a staged check lists only the part of the index it needs. */
const LARGE_INDEX_BYTES = 2 * 1024 * 1024;

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
  start.startBlobStream();
  return start;
}

function indexSize(indexFile: string): number | undefined {
  try {
    return statSync(indexFile).size;
  } catch {
    return undefined; // no index yet (a fresh repository), or not where we looked
  }
}
