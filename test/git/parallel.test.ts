/** Large scans run in worker threads; they must report exactly what an in-thread scan reports. */
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { PARALLEL_THRESHOLD } from '../../src/engine/parallel/threads.js';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

describe('worker threads', () => {
  it('give the same report as an in-thread scan, with skipped files and findings from every worker', () => {
    repo = makeRepo();
    for (let i = 0; i < PARALLEL_THRESHOLD + 50; i++) repo.write(`src/f${i}.ts`, `export const v${i} = ${i};\n`);
    for (let i = 0; i < 12; i++) repo.write(`svc${i}/.env`, `TOKEN=abc${i}-def456ghi\n`);
    repo.write('logo.png', Buffer.from([0x89, 0x50, 0, 0, 1]));
    repo.write('big.txt', 'y'.repeat(4096));
    repo.git('add', '-A');
    const args = ['check', '--all', '--format', 'json', '--max-file-size', '2KiB'];
    const threaded = repo.guard(args, { SECRETS_GUARD_THREADS: '2' });
    const inThread = repo.guard(args, { SECRETS_GUARD_THREADS: '0' });
    expect(threaded.status).toBe(1);
    expect(threaded.stdout).toBe(inThread.stdout);
    const report = JSON.parse(threaded.stdout);
    expect(report.findings).toHaveLength(12);
    expect(report.summary.filesScanned).toBe(PARALLEL_THRESHOLD + 50 + 12);
    expect(report.skipped.map((s: { path: string }) => s.path)).toEqual(['big.txt', 'logo.png']);
  });

  it('rejects a bad SECRETS_GUARD_THREADS with exit 2', () => {
    repo = makeRepo();
    const out = repo.guard(['check'], { SECRETS_GUARD_THREADS: 'many' });
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/SECRETS_GUARD_THREADS must be a whole number/);
  });
});
