/**
 * The git repository a scan runs in. All git access goes through here and the blob reader, so the rest of the
 * engine never spawns git itself. simple-git runs the one-shot commands; the blob stream uses a raw child process.
 */
import { execFile } from 'node:child_process';
import { isAbsolute, join, resolve } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { GitError } from '../errors.js';

export interface Repository {
  /** Absolute path of the work tree's top level. */
  readonly root: string;
  /** Environment for every git child: GIT_INDEX_FILE made absolute so a hook's temporary index is honoured. */
  readonly env: NodeJS.ProcessEnv;
  /** Runs a git command at the root and returns its stdout; throws GitError with git's own message. */
  run(args: readonly string[]): Promise<string>;
  /** Runs a git command with `input` on its standard input. */
  runWithInput(args: readonly string[], input: string): Promise<string>;
  /** True when HEAD names a commit (false before the first commit). */
  readonly hasHead: boolean;
  /** The index git reads: GIT_INDEX_FILE (a hook's temporary index) or the repository's own. */
  readonly indexFile: string;
}

/**
 * git runs pre-commit hooks with GIT_INDEX_FILE pointing at the index that will be committed (a temporary one for
 * `git commit -a` or `git commit <path>`), sometimes as a path relative to the hook's directory.
 */
export function gitEnvironment(env: NodeJS.ProcessEnv, cwd: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    const upper = key.toUpperCase();
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
 * command...) are for commands the guard never runs, and simple-git refuses them, so they are dropped.
 */
/** Programs git may start for interactive commands (editor, pager, askpass); simple-git refuses them too. */
const PROGRAM_VARIABLES = new Set(['EDITOR', 'VISUAL', 'PAGER', 'PREFIX', 'SSH_ASKPASS']);

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

export async function openRepository(
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
  options: { allowBare?: boolean } = {},
): Promise<Repository> {
  const gitEnv = gitEnvironment(env, cwd);
  const probe = makeGit(cwd, gitEnv);
  let top: string;
  let head: string | undefined;
  let gitDirectory: string | undefined;
  try {
    // One rev-parse answers everything the scan needs to know up front; `--verify -q HEAD^{commit}` prints nothing
    // (and exits 1 with no message, which simple-git does not treat as an error) before the first commit.
    const askHead = ['--verify', '-q', 'HEAD^{commit}'];
    const [inside, bare, gitDir, toplevel, headOid] = (await probe
      .raw(['rev-parse', '--is-inside-work-tree', '--is-bare-repository', '--absolute-git-dir', '--show-toplevel', ...askHead])
      .catch(async () =>
        // --show-toplevel fails in a bare repository; ask again without it.
        (await probe.raw(['rev-parse', '--is-inside-work-tree', '--is-bare-repository', '--absolute-git-dir'])) + '\n',
      )).split('\n');
    if (bare === 'true' && options.allowBare) top = gitDir ?? cwd;
    else if (inside === 'true' && toplevel) top = toplevel;
    else throw new GitError(bare === 'true' ? 'a bare repository has no work tree or index: use --range or pre-receive' : 'not inside a git work tree');
    head = headOid?.trim() || undefined;
    gitDirectory = gitDir || undefined;
  } catch (error) {
    if (error instanceof GitError) throw error;
    throw new GitError(`not a git repository (or git failed): ${firstLine(error)}`);
  }
  const git = makeGit(top, gitEnv);
  const run = async (args: readonly string[]): Promise<string> => {
    try {
      return await git.raw([...args]);
    } catch (error) {
      throw new GitError(`git ${args[0]} failed: ${firstLine(error)}`);
    }
  };
  return {
    root: top,
    env: gitEnv,
    run,
    runWithInput: (args, input) => runWithInput(top, gitEnv, args, input),
    hasHead: head !== undefined,
    // git resolves a relative GIT_INDEX_FILE against its working directory, which is `top` for every command here.
    indexFile: gitEnv.GIT_INDEX_FILE ? resolve(top, gitEnv.GIT_INDEX_FILE) : join(gitDirectory ?? join(top, '.git'), 'index'),
  };
}

function makeGit(baseDir: string, env: NodeJS.ProcessEnv): SimpleGit {
  // simple-git 4 strips ambient GIT_* variables unless allowed; the location variables kept by gitEnvironment are
  // exactly what the scan must honour.
  const allowEnvironment = Object.keys(env);
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as Record<string, string>;
  // GIT_CONFIG_GLOBAL / GIT_CONFIG_SYSTEM are the user's own choice of config, exactly as git itself would honour.
  return simpleGit({ baseDir, trimmed: false, allowEnvironment, unsafe: { allowUnsafeConfigPaths: true } }).env(defined);
}

/** simple-git has no way to feed standard input, so the few commands that read it get a plain child process. */
function runWithInput(cwd: string, env: NodeJS.ProcessEnv, args: readonly string[], input: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile('git', [...args], { cwd, env, maxBuffer: 1024 ** 3 }, (error, stdout, stderr) => {
      if (error) reject(new GitError(`git ${args[0]} failed: ${firstLine(stderr || error)}`));
      else resolvePromise(stdout);
    });
    child.stdin?.end(input);
  });
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n').find((l) => l.trim() !== '') ?? text).replace(/^fatal:\s*/, '').trim();
}
