/**
 * The git repository a scan runs in. All git access goes through here and the blob reader, so the rest of the
 * engine never spawns git itself. simple-git runs the one-shot commands; the blob stream uses a raw child process.
 */
import { isAbsolute, resolve } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { GitError } from '../errors.js';

export interface Repository {
  /** Absolute path of the work tree's top level. */
  readonly root: string;
  /** Environment for every git child: GIT_INDEX_FILE made absolute so a hook's temporary index is honoured. */
  readonly env: NodeJS.ProcessEnv;
  /** Runs a git command at the root and returns its stdout; throws GitError with git's own message. */
  run(args: readonly string[]): Promise<string>;
  /** True when HEAD names a commit (false before the first commit). */
  hasHead(): Promise<boolean>;
}

/**
 * git runs pre-commit hooks with GIT_INDEX_FILE pointing at the index that will be committed (a temporary one for
 * `git commit -a` or `git commit <path>`), sometimes as a path relative to the hook's directory.
 */
export function gitEnvironment(env: NodeJS.ProcessEnv, cwd: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, GIT_OPTIONAL_LOCKS: '0' };
  const index = env.GIT_INDEX_FILE;
  if (index && !isAbsolute(index)) out.GIT_INDEX_FILE = resolve(cwd, index);
  return out;
}

export async function openRepository(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Repository> {
  const gitEnv = gitEnvironment(env, cwd);
  const probe = makeGit(cwd, gitEnv);
  let top: string;
  try {
    top = (await probe.raw(['rev-parse', '--show-toplevel'])).trim();
  } catch (error) {
    throw new GitError(`not a git repository (or git failed): ${firstLine(error)}`);
  }
  if (!top) throw new GitError('not inside a git work tree (a bare repository has no staged files to check)');
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
    async hasHead() {
      try {
        await git.raw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
        return true;
      } catch {
        return false;
      }
    },
  };
}

function makeGit(baseDir: string, env: NodeJS.ProcessEnv): SimpleGit {
  // simple-git 4 strips ambient GIT_* variables unless allowed. A hook's GIT_INDEX_FILE (the index being committed)
  // and a pre-receive hook's quarantine variables are exactly what the scan must honour, so allow what is present.
  const allowEnvironment = Object.keys(env);
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return simpleGit({ baseDir, trimmed: false, allowEnvironment }).env(defined);
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n').find((l) => l.trim() !== '') ?? text).replace(/^fatal:\s*/, '').trim();
}
