/**
 * One long-lived `git cat-file --batch` process serves every blob of a scan: spawning git once per file costs more
 * than reading the file. Requests are answered in the order they were written, so a FIFO of pending reads is
 * enough to match answers to callers.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { GitError } from '../errors.js';

interface Pending {
  readonly oid: string;
  resolve(value: Buffer): void;
  reject(error: Error): void;
}

export class BlobStream {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #pending: Pending[] = [];
  #buffer: Buffer = Buffer.alloc(0);
  #expected = -1;
  #failure: Error | undefined;

  constructor(root: string, env: NodeJS.ProcessEnv) {
    this.#child = spawn('git', ['cat-file', '--batch'], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    this.#child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    this.#child.stdout.on('data', (chunk: Buffer) => this.#onData(chunk));
    this.#child.on('error', (error) => this.#fail(new GitError(`cannot run git cat-file: ${error.message}`)));
    this.#child.on('close', (code) => {
      if (this.#pending.length > 0) this.#fail(new GitError(`git cat-file exited (${code}): ${stderr.trim()}`));
    });
    this.#child.stdin.on('error', () => {}); // a dead child is reported through 'close'
  }

  /** The blob's bytes. Rejects with GitError when the object is missing. */
  read(oid: string): Promise<Buffer> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#pending.push({ oid, resolve, reject });
      this.#child.stdin.write(`${oid}\n`);
    });
  }

  close(): void {
    this.#child.stdin.end();
  }

  #onData(chunk: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      if (this.#expected < 0) {
        const newline = this.#buffer.indexOf(10);
        if (newline < 0) return;
        const header = this.#buffer.subarray(0, newline).toString();
        this.#buffer = this.#buffer.subarray(newline + 1);
        const [, type, size] = header.split(' ');
        if (type === 'missing' || size === undefined) {
          const request = this.#pending.shift();
          request?.reject(new GitError(`object ${request.oid} is missing from the repository`));
          continue;
        }
        this.#expected = Number(size);
      }
      // The content is followed by one newline.
      if (this.#buffer.length < this.#expected + 1) return;
      const content = Buffer.from(this.#buffer.subarray(0, this.#expected));
      this.#buffer = this.#buffer.subarray(this.#expected + 1);
      this.#expected = -1;
      this.#pending.shift()?.resolve(content);
    }
  }

  #fail(error: Error): void {
    this.#failure = error;
    for (const request of this.#pending.splice(0)) request.reject(error);
  }
}

/** Sizes of many objects from one `git cat-file --batch-check`, so oversized blobs are never read into memory. */
export async function blobSizes(root: string, env: NodeJS.ProcessEnv, oids: readonly string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  if (oids.length === 0) return sizes;
  const child = spawn('git', ['cat-file', '--batch-check=%(objectname) %(objectsize)'], { cwd: root, env });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  child.stdin.on('error', () => {});
  child.stdin.end(oids.join('\n') + '\n');
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', (e) => reject(new GitError(`cannot run git cat-file: ${e.message}`)));
    child.on('close', resolve);
  });
  if (code !== 0) throw new GitError(`git cat-file --batch-check failed: ${err.trim()}`);
  for (const line of out.split('\n')) {
    const [oid, size] = line.split(' ');
    if (oid && size && size !== 'missing') sizes.set(oid, Number(size));
  }
  return sizes;
}
