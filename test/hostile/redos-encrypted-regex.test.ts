/**
 * Hostile: a sops file names its own selection pattern in its metadata, so whoever writes the file picks the regex
 * the guard runs on every key. `a?` x 50 then `a` x 50 over a 50-character key has 2^50 readings for a
 * backtracking engine: it must go to re2js (linear time), and the file's plaintext must still be reported.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { guardCountingCompilations } from '../helpers/compilations.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { enc, yamlMetadata } from '../helpers/sops-samples.js';

const HOSTILE = 'a?'.repeat(50) + 'a'.repeat(50);
const KEY = 'a'.repeat(50);

let repo: TestRepo;
afterEach(() => repo?.cleanup());

function check(content: string) {
  repo = makeRepo();
  repo.write('app/secret.yaml', content);
  repo.git('add', '-A');
  return guardCountingCompilations(repo, ['check', '--format', 'json']);
}

const reported = (stdout: string): string[] =>
  (JSON.parse(stdout) as { findings: Array<{ ruleId: string; message: string }> }).findings.map((f) => `${f.ruleId}: ${f.message}`);

describe('a catastrophic selection regex in sops metadata', () => {
  it('encrypted_regex runs on re2js and the plaintext value it selects is reported', () => {
    const run = check(`${KEY}: not-encrypted\nother: ${enc()}\n${yamlMetadata(`encrypted_regex: '${HOSTILE}'`)}`);
    expect(run.status, run.stderr).toBe(1);
    expect(reported(run.stdout)).toContainEqual(expect.stringMatching(new RegExp(`^sops-plaintext-value: .*${KEY}`)));
    expect(run.re2.get(HOSTILE)).toBe(1);
    expect([...run.regexps.keys()].filter((source) => source.includes('a?a?'))).toEqual([]);
  });

  it('unencrypted_regex runs on re2js and a value it does not exempt is reported', () => {
    const run = check(`${KEY}: plaintext-by-design\npassword: not-encrypted\nother: ${enc()}\n${yamlMetadata(`unencrypted_regex: '${HOSTILE}'`)}`);
    expect(run.status, run.stderr).toBe(1);
    const found = reported(run.stdout).filter((f) => f.startsWith('sops-plaintext-value'));
    expect(found).toEqual([expect.stringMatching(/value at password is not encrypted/)]);
    expect(run.re2.get(HOSTILE)).toBe(1);
    expect([...run.regexps.keys()].filter((source) => source.includes('a?a?'))).toEqual([]);
  });
});
