/**
 * A scan large enough for worker threads resolves the age identities once, on the main thread, and hands them to
 * the workers as data: SOPS_AGE_KEY_CMD ran once per worker thread, and would prompt once per thread.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PARALLEL_THRESHOLD } from '../../src/engine/parallel/threads.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { countingKeyCommand, macMismatchFile, sopsFileForPublishedKey, type CountingKeyCommand } from '../helpers/published-age-key.js';

let repo: TestRepo;
let keyCommand: CountingKeyCommand;
afterEach(() => {
  repo?.cleanup();
  keyCommand?.cleanup();
});

describe('SOPS_AGE_KEY_CMD with worker threads', () => {
  it('runs once for --all with SECRETS_GUARD_THREADS=2, and the workers verify with its keys', async () => {
    repo = makeRepo();
    const files = PARALLEL_THRESHOLD + 50;
    for (let i = 0; i < files; i++) repo.write(`src/f${String(i).padStart(4, '0')}.ts`, `export const v${i} = ${i};\n`);
    // sops files spread through the listing, so that each thread gets some.
    const sopsAt = [100, 500, 900, 1300, 1700, 2100, 2500];
    for (const i of sopsAt) repo.write(`src/f${String(i).padStart(4, '0')}.secret.yaml`, await sopsFileForPublishedKey({ [`k${i}`]: `v${i}` }));
    repo.write('src/f2000.secret.yaml', await macMismatchFile());
    repo.git('add', '-A');

    keyCommand = countingKeyCommand();
    const out = repo.guard(['check', '--all', '--format', 'json'], { SECRETS_GUARD_THREADS: '2', SOPS_AGE_KEY_CMD: keyCommand.command });
    expect(out.stderr).toBe('');
    expect(out.status).toBe(1);
    const report = JSON.parse(out.stdout);
    expect(report.findings.map((f: { path: string; ruleId: string }) => `${f.path} ${f.ruleId}`)).toEqual(['src/f2000.secret.yaml sops-mac-mismatch']);
    expect(report.summary.notes).toContain(`sops MAC verified for ${sopsAt.length + 1} file(s); 0 could not be verified (no matching age identity)`);
    expect(keyCommand.runs()).toBe(1);

    // A key the workers cannot have is a failure they relay: exit 2, the main thread's one line.
    const malformed = repo.guard(['check', '--all'], { SECRETS_GUARD_THREADS: '2', SOPS_AGE_KEY: 'garbage' });
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toBe('secrets-guard: SOPS_AGE_KEY, line 1: not a valid age identity (sops refuses it too); fix or remove that line\n');
  });
});
