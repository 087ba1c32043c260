/**
 * One long-lived `git cat-file --batch` process serves every blob of a scan: spawning git once per file costs more
 * than reading the file. Requests are answered in the order they were written, so a FIFO of pending reads is
 * enough to match answers to callers.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { GitError } from '../errors.js';
import type { GitRunner } from './run.js';

/** A blob's bytes, or only its size when it is over the caller's cap (the bytes are then never buffered). */
export interface BlobRead {
  readonly size: number;
  readonly bytes?: Buffer;
}

interface Pending {
  /** What was asked for: an object id, or a `<commit>:<path>` name for a tree. */
  readonly name: string;
  readonly cap: number;
  /** A tree asked for by name: a missing object, or one of another type, answers undefined instead of failing. */
  readonly tree: boolean;
  resolve(value: BlobRead | undefined): void;
  reject(error: Error): void;
}

export class BlobStream {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #pending: Pending[] = [];
  #chunks: Buffer[] = [];
  #unsent: string[] = [];
  #buffered = 0;
  #expected = -1;
  /** The type git gave in the current answer's header. */
  #type = '';
  /** True while the current blob is over its cap: its bytes are skipped, not kept. */
  #discarding = false;
  #remaining = 0;
  #failure: Error | undefined;

  /** `git` runs from the top level, or from anywhere in the work tree: object ids do not depend on it. */
  constructor(git: GitRunner) {
    // git maps pack files in windows of up to 1 GiB by default, so reading every blob of a large repository would
    // map (and count in its RSS) the whole pack; small windows bound git's memory at no measurable cost in speed.
    const windows = ['-c', 'core.packedGitWindowSize=32m', '-c', 'core.packedGitLimit=128m'];
    this.#child = git.spawn([...windows, 'cat-file', '--batch']);
    let stderr = '';
    this.#child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    this.#child.stdout.on('data', (chunk: Buffer) => this.#onData(chunk));
    this.#child.on('error', (error) => this.#fail(new GitError(`cannot run git cat-file: ${error.message}`)));
    this.#child.on('close', (code) => {
      if (this.#pending.length > 0) this.#fail(new GitError(`git cat-file exited (${code}): ${stderr.trim()}`));
    });
    this.#child.stdin.on('error', () => {}); // a dead child is reported through 'close'
  }

  /** The blob's bytes, unless it is larger than `cap`. Rejects with GitError when the object is missing. */
  read(oid: string, cap = Number.POSITIVE_INFINITY): Promise<BlobRead> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#pending.push({ name: oid, cap, tree: false, resolve: (read) => resolve(read!), reject });
      this.#queueRequest(oid);
    });
  }

  /**
   * The raw tree object `<commit>:<path>` names (`<commit>^{tree}` for the root), or undefined when there is none
   * there (the path is missing, or not a directory). A name git would read as two requests is never sent.
   */
  readTree(name: string): Promise<Buffer | undefined> {
    if (this.#failure) return Promise.reject(this.#failure);
    // git reads one name per line and strips a carriage return before the newline: such a name could reach
    // another directory than the one asked for. Trailing blanks too, to be safe.
    if (/[\n\r]|\s$/.test(name)) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      this.#pending.push({ name, cap: Number.POSITIVE_INFINITY, tree: true, resolve: (read) => resolve(read?.bytes), reject });
      this.#queueRequest(name);
    });
  }

  close(): void {
    this.#flush();
    this.#child.stdin.end();
  }

  /** Requests made in one turn of the event loop go to git in one write: one syscall, not one per blob. */
  #queueRequest(name: string): void {
    this.#unsent.push(name);
    if (this.#unsent.length === 1) process.nextTick(() => this.#flush());
  }

  #flush(): void {
    if (this.#unsent.length === 0) return;
    this.#child.stdin.write(this.#unsent.join('\n') + '\n');
    this.#unsent = [];
  }

  #onData(chunk: Buffer): void {
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    for (;;) {
      if (this.#expected < 0 && !this.#readHeader()) return;
      if (this.#discarding) {
        // Over the cap: drop what arrived, keep only what belongs to the next answer.
        const skip = Math.min(this.#remaining, this.#buffered);
        this.#take(skip);
        this.#remaining -= skip;
        if (this.#remaining > 0) return;
        this.#finish({ size: this.#expected });
        continue;
      }
      // Chunks are joined once, when the whole blob and its trailing newline are here.
      if (this.#buffered < this.#expected + 1) return;
      const bytes = this.#take(this.#expected + 1).subarray(0, this.#expected);
      this.#finish({ size: bytes.length, bytes });
    }
  }

  /** Parses `<oid> <type> <size>` (or `<oid> missing`) once a whole line is buffered. */
  #readHeader(): boolean {
    const head = this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks);
    const newline = head.indexOf(10);
    if (newline < 0) return false;
    const header = head.subarray(0, newline).toString();
    this.#chunks = [head];
    this.#take(newline + 1);
    // `<name> missing` for a name that resolves to nothing; a tree's name may hold spaces, so the type and size
    // are read from the end of the header.
    const words = header.split(' ');
    const [type, size] = words.length >= 3 ? words.slice(-2) : ['missing', undefined];
    if (type === 'missing' || size === undefined || !/^\d+$/.test(size)) {
      const request = this.#pending.shift();
      if (request?.tree) request.resolve(undefined);
      else request?.reject(new GitError(`object ${request.name} is missing from the repository`));
      return this.#buffered > 0 && this.#readHeader();
    }
    this.#type = type!;
    this.#expected = Number(size);
    this.#discarding = this.#expected > (this.#pending[0]?.cap ?? Number.POSITIVE_INFINITY);
    this.#remaining = this.#expected + 1; // the content is followed by one newline
    return true;
  }

  /** Removes and returns the first `n` buffered bytes. */
  #take(n: number): Buffer {
    const all = this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks);
    this.#chunks = n < all.length ? [all.subarray(n)] : [];
    this.#buffered = all.length - n;
    return all.subarray(0, n);
  }

  #finish(read: BlobRead): void {
    this.#expected = -1;
    this.#discarding = false;
    const request = this.#pending.shift();
    request?.resolve(request.tree && this.#type !== 'tree' ? undefined : read);
  }

  #fail(error: Error): void {
    this.#failure = error;
    for (const request of this.#pending.splice(0)) request.reject(error);
  }
}
