/**
 * git commands started before anyone asks for them. A staged check used to load its code, then wait for git, then
 * wait again: three listings one after another, each behind the module loading that came before it. Started
 * first, git works on the other core while the engine loads. The code that would have run a command takes its
 * started twin instead, with exactly the same arguments, so nothing downstream changes.
 *
 * Commands are started from the caller's directory, before the top level is known: only commands whose output does
 * not depend on the directory inside the work tree may be started here (object ids, `:(top)` pathspecs with
 * `--full-name`, diff-index's always top-relative paths).
 */
import { BlobStream } from './blob-stream.js';
import type { GitRunner, RunOptions } from './run.js';

export class HeadStart {
  /** The runner the repository opened for this check uses too: same directory, same environment. */
  readonly git: GitRunner;
  readonly #started = new Map<string, Promise<string>>();
  #blobStream: BlobStream | undefined;

  constructor(git: GitRunner) {
    this.git = git;
  }

  /** `options` must be those the taker would have run the command with. */
  start(args: readonly string[], options?: RunOptions): void {
    const output = this.git.run(args, options);
    // A command nobody takes (its guess was wrong: no HEAD yet, a large index) must fail quietly.
    output.catch(() => {});
    this.#started.set(keyOf(args), output);
  }

  /**
   * Starts the command `next` derives from the output of the command started with `args`, as soon as that output
   * is in: a listing that depends on another runs without waiting for the engine to ask. Nothing starts when the
   * first command fails or `next` returns undefined.
   */
  startAfter(args: readonly string[], next: (output: string) => readonly string[] | undefined): void {
    this.#started.get(keyOf(args))?.then(
      (output) => {
        const then = next(output);
        if (then) this.start(then);
      },
      () => {},
    );
  }

  startBlobStream(): void {
    this.#blobStream ??= new BlobStream(this.git);
  }

  /** The output of the command started with exactly `args`, or undefined; each start is taken at most once. */
  take(args: readonly string[]): Promise<string> | undefined {
    const key = keyOf(args);
    const output = this.#started.get(key);
    this.#started.delete(key);
    return output;
  }

  takeBlobStream(): BlobStream | undefined {
    const stream = this.#blobStream;
    this.#blobStream = undefined;
    return stream;
  }

  /** A blob stream nobody took waits on its input forever: end it. The one-shot commands end on their own. */
  close(): void {
    this.takeBlobStream()?.close();
  }
}

function keyOf(args: readonly string[]): string {
  return args.join('\0');
}
