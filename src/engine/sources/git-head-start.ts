/**
 * What a check that runs on every commit will ask git, started before the engine loads (see git/head-start.ts).
 * A staged check: the repository probe, the staged files against HEAD, the blob reader, and the part of the index
 * the plan needs besides the staged files (index-plan.ts): all of a small index; the configs of a large one, then
 * the staged files' directories as soon as the staged files are known. A check of named paths (the pre-commit
 * framework's way): the probe and the index's paths. Each start is a guess that the plan code confirms by asking
 * for exactly the same command; a wrong guess (no commit yet, an index elsewhere, not a repository at all) costs
 * an idle git process, never a different answer.
 */
import { join } from 'node:path';
import { HeadStart } from '../../git/head-start.js';
import { PROBE_OPTIONS, REPOSITORY_PROBE } from '../../git/repository.js';
import { GitRunner } from '../../git/run.js';
import { configPathspecs, INDEX_PATHS_LISTING, indexListing, parseRawDiff, stagedListing, WHOLE_INDEX_LISTING } from '../../git/tree-entries.js';
import { contextPathspecs, isLargeIndex, SUPPORT_FILES } from './index-scope.js';

export function startStagedCheck(cwd: string, env: NodeJS.ProcessEnv): HeadStart {
  const git = GitRunner.forCaller(cwd, env);
  const start = new HeadStart(git);
  start.start(REPOSITORY_PROBE, PROBE_OPTIONS);
  start.start(stagedListing('HEAD'));
  // The index is where git will look from a hook or the top level; from elsewhere, leave the choice to the plan.
  const large = isLargeIndex(git.env.GIT_INDEX_FILE ?? join(cwd, '.git', 'index'));
  if (large === false) start.start(WHOLE_INDEX_LISTING);
  else if (large === true) {
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
  const start = new HeadStart(GitRunner.forCaller(cwd, env));
  start.start(REPOSITORY_PROBE, PROBE_OPTIONS);
  start.start(INDEX_PATHS_LISTING);
  return start;
}
