/**
 * The one way the guard starts git. Every command, one-shot or long-lived, gets the same clean environment
 * (environment.ts) and the same failure rules, so no call site can forget either. The guard spawns git itself
 * rather than through simple-git: three of its commands feed git on standard input, which simple-git cannot do,
 * and a staged check starts its commands before the engine loads, where loading simple-git would cost more than
 * the commands themselves.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { GitError } from '../errors.js';
import { gitEnvironment } from './environment.js';

export interface RunOptions {
  /** Written to git's standard input, which is then closed. */
  readonly input?: string;
  /**
   * A non-zero exit with nothing on stderr is an answer, not a failure: `rev-parse --verify -q` says "no such
   * object" that way. Every other command fails on any non-zero exit.
   */
  readonly quietExitIsAnswer?: boolean;
}

/** git failed: `detail` is the first line of what it said, without its `fatal: ` prefix. */
export class GitCommandError extends GitError {
  readonly detail: string;

  constructor(args: readonly string[], detail: string) {
    super(`git ${args[0]} failed: ${detail}`);
    this.detail = detail;
  }
}

export class GitRunner {
  /** Where commands run; git finds the repository from here (or from GIT_DIR). */
  readonly cwd: string;
  /** The environment every git child gets (see gitEnvironment). */
  readonly env: NodeJS.ProcessEnv;

  private constructor(cwd: string, env: NodeJS.ProcessEnv) {
    this.cwd = cwd;
    this.env = env;
  }

  /** A runner for the guard's caller: `env` is the process environment, cleaned here once for every command. */
  static forCaller(cwd: string, env: NodeJS.ProcessEnv): GitRunner {
    return new GitRunner(cwd, gitEnvironment(env, cwd));
  }

  /** The same environment, commands run from `directory` (the top level, once it is known). */
  at(directory: string): GitRunner {
    return new GitRunner(directory, this.env);
  }

  /** stdout of `git args`; rejects with GitCommandError when git fails. */
  run(args: readonly string[], options: RunOptions = {}): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = this.spawn(args);
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', (error) => reject(new GitCommandError(args, `cannot run git: ${error.message}`)));
      child.on('close', (code) => {
        const message = Buffer.concat(stderr).toString('utf8');
        // A signal (code null) is never an answer: the output may be cut short.
        if (code === 0 || (code !== null && options.quietExitIsAnswer && message.trim() === '')) resolve(Buffer.concat(stdout).toString('utf8'));
        else reject(new GitCommandError(args, firstLine(message) || `exit ${code ?? 'by signal'}`));
      });
      child.stdin.on('error', () => {}); // a git that exits early is reported through 'close'
      child.stdin.end(options.input);
    });
  }

  /** A long-lived git process that reads requests on stdin and answers on stdout; the caller owns it. */
  spawn(args: readonly string[]): ChildProcessWithoutNullStreams {
    return spawn('git', [...args], { cwd: this.cwd, env: this.env, stdio: ['pipe', 'pipe', 'pipe'] });
  }
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim() !== '') ?? '').replace(/^fatal:\s*/, '').trim();
}
