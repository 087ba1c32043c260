/**
 * A malformed SOPS_AGE_KEY must stop the run (exit 2, one line naming the variable, never its content), as sops
 * refuses it: ignored, it left a real MAC mismatch unverified and the commit passed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { macMismatchFile, PUBLISHED_IDENTITY, PUBLISHED_RECIPIENT, SOPS_YAML } from '../helpers/published-age-key.js';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

const ruleIds = (out: { stdout: string }) => JSON.parse(out.stdout).findings.map((f: { ruleId: string }) => f.ruleId);
const badChecksum = PUBLISHED_IDENTITY.slice(0, -1) + (PUBLISHED_IDENTITY.endsWith('Q') ? 'P' : 'Q');

describe('a malformed SOPS_AGE_KEY', () => {
  it('is exit 2 naming SOPS_AGE_KEY, where a good key reports the MAC mismatch', async () => {
    repo = makeRepo();
    repo.write('.sops.yaml', SOPS_YAML);
    repo.write('secrets/app.yaml', await macMismatchFile());
    repo.git('add', '-A');

    const good = repo.guard(['check', '--format', 'json'], { SOPS_AGE_KEY: PUBLISHED_IDENTITY });
    expect(good.status).toBe(1);
    expect(ruleIds(good)).toEqual(['sops-mac-mismatch']);

    const cases: Array<[string, string]> = [
      ['garbage', 'line 1'],
      [`${PUBLISHED_IDENTITY}\nnot-a-key`, 'line 2'],
      [badChecksum, 'line 1'],
      ['AGE-SECRET-KEY-1', 'line 1'],
      [`# mine\n${PUBLISHED_IDENTITY} ${PUBLISHED_RECIPIENT}`, 'line 2'],
    ];
    const runs = [
      ...cases.map(([value, line]) => ({ value, line, extra: [] as string[] })),
      { value: 'garbage', line: 'line 1', extra: ['--require-verification'] },
      { value: 'garbage', line: 'line 1', extra: ['--all'] },
    ];
    for (const { value, line, extra } of runs) {
      const out = repo.guard(['check', '--format', 'json', ...extra], { SOPS_AGE_KEY: value });
      expect(out.status, `${JSON.stringify(value.slice(0, 20))} ${extra}`).toBe(2);
      expect(out.stderr).toBe(`secrets-guard: SOPS_AGE_KEY, ${line}: not a valid age identity (sops refuses it too); fix or remove that line\n`);
      expect(out.stdout).toBe('');
    }
  });
});
