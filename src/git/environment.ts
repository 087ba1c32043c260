/**
 * The environment every git child of a scan gets: where the repository, its index and its objects are, and
 * nothing that would make git prompt, page or take a lock, and no SOPS_* variable: git never needs the age key,
 * and whatever git starts (hooks, filters, fsmonitor, credential helpers) must not inherit it.
 */
import { isAbsolute, resolve } from 'node:path';

/**
 * git runs pre-commit hooks with GIT_INDEX_FILE pointing at the index that will be committed (a temporary one for
 * `git commit -a` or `git commit <path>`), sometimes as a path relative to the hook's directory.
 */
export function gitEnvironment(env: NodeJS.ProcessEnv, cwd: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    const upper = key.toUpperCase();
    if (upper.startsWith('SOPS_')) continue;
    if (upper.startsWith('GIT_') ? LOCATION_VARIABLES.has(upper) : !PROGRAM_VARIABLES.has(upper)) out[key] = value;
  }
  // Never take a lock or refresh the index: `check` must leave the repository byte-for-byte as it was.
  out.GIT_OPTIONAL_LOCKS = '0';
  const index = env.GIT_INDEX_FILE;
  if (index && !isAbsolute(index)) out.GIT_INDEX_FILE = resolve(cwd, index);
  return out;
}

/**
 * The GIT_* variables that say where the repository, its index and its objects are: a hook's temporary index,
 * a pre-receive hook's quarantine directory, a test's isolated config. The others (editor, pager, askpass, ssh
 * command, trace...) are for commands the guard never runs, or would change what git prints, so they are dropped.
 */
const LOCATION_VARIABLES = new Set([
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_COMMON_DIR',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_QUARANTINE_PATH',
  'GIT_NAMESPACE',
  'GIT_CEILING_DIRECTORIES',
  'GIT_DISCOVERY_ACROSS_FILESYSTEM',
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_SYSTEM',
  'GIT_CONFIG_NOSYSTEM',
]);

/** Programs git may start for interactive commands (editor, pager, askpass): the guard runs none of those. */
const PROGRAM_VARIABLES = new Set(['EDITOR', 'VISUAL', 'PAGER', 'PREFIX', 'SSH_ASKPASS']);
