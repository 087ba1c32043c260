/**
 * The git repository a scan runs in. All git access goes through here and the blob reader, so the rest of the
 * engine never spawns git itself. simple-git runs the one-shot commands; the blob stream uses a raw child process.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { SimpleGit } from 'simple-git';
import { GitError } from '../errors.js';
import { BlobStream } from './blob-stream.js';
import { gitEnvironment } from './environment.js';
import type { HeadStart } from './head-start.js';

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
  /** A reader of blobs by object id; the caller closes it. */
  openBlobStream(): BlobStream;
}

/**
 * One rev-parse answers everything the scan needs to know up front; `--verify -q HEAD^{commit}` prints nothing
 * (and exits 1 with no message, which simple-git does not treat as an error) before the first commit.
 */
export const REPOSITORY_PROBE = ['rev-parse', '--is-inside-work-tree', '--is-bare-repository', '--absolute-git-dir', '--show-toplevel', '--verify', '-q', 'HEAD^{commit}'];

export interface OpenOptions {
  /** Range and push modes read commits only, which a bare repository has. */
  readonly allowBare?: boolean;
  /** Commands already started for this directory and environment (see head-start.ts). */
  readonly headStart?: HeadStart;
}

export async function openRepository(cwd: string, env: NodeJS.ProcessEnv = process.env, options: OpenOptions = {}): Promise<Repository> {
  const gitEnv = gitEnvironment(env, cwd);
  const { headStart } = options;
  const probe = (args: readonly string[]) => headStart?.take(args) ?? makeGit(cwd, gitEnv).then((git) => git.raw([...args]));
  let top: string;
  let head: string | undefined;
  let gitDirectory: string | undefined;
  try {
    const [inside, bare, gitDir, toplevel, headOid] = (await probe(REPOSITORY_PROBE).catch(async () =>
      // --show-toplevel fails in a bare repository; ask again without it.
      (await probe(['rev-parse', '--is-inside-work-tree', '--is-bare-repository', '--absolute-git-dir'])) + '\n',
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
  let git: Promise<SimpleGit> | undefined;
  const run = async (args: readonly string[]): Promise<string> => {
    try {
      return await (headStart?.take(args) ?? (git ??= makeGit(top, gitEnv)).then((g) => g.raw([...args])));
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
    openBlobStream: () => headStart?.takeBlobStream() ?? new BlobStream(top, gitEnv),
  };
}

/** simple-git loads on first use: a staged check whose commands were all started ahead never needs it. */
async function makeGit(baseDir: string, env: NodeJS.ProcessEnv): Promise<SimpleGit> {
  const { simpleGit } = await import('simple-git');
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
