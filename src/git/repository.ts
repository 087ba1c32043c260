/**
 * The git repository a scan runs in. All git access goes through here and the blob reader, both on the one runner
 * (run.ts), so the rest of the engine never spawns git itself.
 */
import { join, resolve } from 'node:path';
import { GitError } from '../errors.js';
import { BlobStream } from './blob-stream.js';
import type { HeadStart } from './head-start.js';
import { GitCommandError, GitRunner } from './run.js';

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
 * before the first commit, and exits 1 with no message: an answer (PROBE_OPTIONS).
 */
export const REPOSITORY_PROBE = [
  'rev-parse',
  '--is-inside-work-tree',
  '--is-bare-repository',
  '--absolute-git-dir',
  '--show-toplevel',
  '--verify',
  '-q',
  'HEAD^{commit}',
];
export const PROBE_OPTIONS = { quietExitIsAnswer: true } as const;

export interface OpenOptions {
  /** Range and push modes read commits only, which a bare repository has. */
  readonly allowBare?: boolean;
  /** Commands already started for this directory and environment (see head-start.ts). */
  readonly headStart?: HeadStart;
}

export async function openRepository(cwd: string, env: NodeJS.ProcessEnv = process.env, options: OpenOptions = {}): Promise<Repository> {
  const { headStart } = options;
  const caller = headStart?.git ?? GitRunner.forCaller(cwd, env);
  const probe = (args: readonly string[]) => headStart?.take(args) ?? caller.run(args, PROBE_OPTIONS);
  let top: string;
  let head: string | undefined;
  let gitDirectory: string | undefined;
  try {
    const [inside, bare, gitDir, toplevel, headOid] = (
      await probe(REPOSITORY_PROBE).catch(
        async () =>
          // --show-toplevel fails in a bare repository; ask again without it.
          (await probe(['rev-parse', '--is-inside-work-tree', '--is-bare-repository', '--absolute-git-dir'])) + '\n',
      )
    ).split('\n');
    if (bare === 'true' && options.allowBare) top = gitDir ?? cwd;
    else if (inside === 'true' && toplevel) top = toplevel;
    else throw new GitError(bare === 'true' ? 'a bare repository has no work tree or index: use --range or pre-receive' : 'not inside a git work tree');
    head = headOid?.trim() || undefined;
    gitDirectory = gitDir || undefined;
  } catch (error) {
    if (error instanceof GitCommandError) throw new GitError(`not a git repository (or git failed): ${error.detail}`);
    if (error instanceof GitError) throw error;
    throw new GitError(`not a git repository (or git failed): ${error instanceof Error ? error.message : String(error)}`);
  }
  const git = caller.at(top);
  return {
    root: top,
    env: git.env,
    run: (args) => headStart?.take(args) ?? git.run(args),
    runWithInput: (args, input) => git.run(args, { input }),
    hasHead: head !== undefined,
    // git resolves a relative GIT_INDEX_FILE against its working directory, which is `top` for every command here.
    indexFile: git.env.GIT_INDEX_FILE ? resolve(top, git.env.GIT_INDEX_FILE) : join(gitDirectory ?? join(top, '.git'), 'index'),
    openBlobStream: () => headStart?.takeBlobStream() ?? new BlobStream(git),
  };
}
