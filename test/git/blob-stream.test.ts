/** The one cat-file stream: answers in order, skips over-cap blobs without keeping them, reports missing objects. */
import { afterEach, describe, expect, it } from 'vitest';
import { BlobStream } from '../../src/git/blob-stream.js';
import { GitRunner } from '../../src/git/run.js';
import { isolatedEnv, makeRepo, type TestRepo } from '../helpers/git-repo.js';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

function store(r: TestRepo, content: string | Buffer): string {
  r.write('tmp.bin', content);
  return r.git('hash-object', '-w', 'tmp.bin').trim();
}

describe('BlobStream', () => {
  it('returns many blobs in order, skipping the ones over the cap, across chunk boundaries', async () => {
    repo = makeRepo();
    const small = store(repo, 'hello\n');
    const big = store(repo, Buffer.alloc(3 * 1024 * 1024, 0x61)); // spans many pipe chunks
    const binary = store(repo, Buffer.from([0, 1, 2, 10, 10, 255]));
    const medium = store(repo, 'x'.repeat(200_000));
    const stream = new BlobStream(GitRunner.forCaller(repo.dir, isolatedEnv()));
    try {
      const reads = await Promise.all([stream.read(small, 1024), stream.read(big, 1024 * 1024), stream.read(binary), stream.read(medium), stream.read(big)]);
      expect(reads[0]!.bytes?.toString()).toBe('hello\n');
      expect(reads[1]).toEqual({ size: 3 * 1024 * 1024 });
      expect([...reads[2]!.bytes!]).toEqual([0, 1, 2, 10, 10, 255]);
      expect(reads[3]!.bytes?.length).toBe(200_000);
      expect(reads[4]!.bytes?.length).toBe(3 * 1024 * 1024);
      expect(reads[4]!.bytes?.every((b) => b === 0x61)).toBe(true);
    } finally {
      stream.close();
    }
  });

  it('rejects a missing object and keeps serving the next ones', async () => {
    repo = makeRepo();
    const small = store(repo, 'after\n');
    const stream = new BlobStream(GitRunner.forCaller(repo.dir, isolatedEnv()));
    try {
      const missing = stream.read('0123456789abcdef0123456789abcdef01234567');
      const next = stream.read(small);
      await expect(missing).rejects.toThrow(/missing from the repository/);
      expect((await next).bytes?.toString()).toBe('after\n');
    } finally {
      stream.close();
    }
  });
});
