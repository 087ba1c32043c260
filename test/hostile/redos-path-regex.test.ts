/**
 * Hostile: a `.sops.yaml` path_regex that makes a backtracking engine explode. `a?` x 50 then `a` x 50 against a
 * 50-character path has 2^50 readings: as a JavaScript RegExp one path took 34-50 s, and a push stalled. The
 * pattern must go to re2js (linear time), and the check must still give its verdict.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { guardCountingCompilations } from '../helpers/compilations.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

const AGE = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';
const HOSTILE = 'a?'.repeat(50) + 'a'.repeat(50);
/** The path the pattern matches only after trying every way to skip its `a?`s. */
const VICTIM = 'a'.repeat(50);

let repo: TestRepo;
afterEach(() => repo?.cleanup());

function repoWithHostileRule(): TestRepo {
  const r = makeRepo();
  r.write('.sops.yaml', `creation_rules:\n  - path_regex: '${HOSTILE}'\n    age: ${AGE}\n`);
  r.write(VICTIM, 'password: not-encrypted\n');
  return r;
}

const ruleIds = (stdout: string): string[] => (JSON.parse(stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId);

describe('a catastrophic path_regex', () => {
  it('is matched by re2js, once, and the covered plaintext file is still reported (staged)', () => {
    repo = repoWithHostileRule();
    repo.git('add', '-A');
    const run = guardCountingCompilations(repo, ['check', '--format', 'json']);
    expect(run.status, run.stderr).toBe(1);
    expect(ruleIds(run.stdout)).toContain('sops-unencrypted-file');
    expect(run.re2.get(HOSTILE)).toBe(1);
    expect([...run.regexps.keys()].filter((source) => source.includes('a?a?'))).toEqual([]);
  });

  it('is matched by re2js in a range too', () => {
    repo = repoWithHostileRule();
    repo.write('README.md', '# base\n');
    repo.git('add', 'README.md');
    repo.git('commit', '-qm', 'base');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'hostile rule and a plaintext file');
    const run = guardCountingCompilations(repo, ['check', '--range', 'HEAD~1..HEAD', '--format', 'json']);
    expect(run.status, run.stderr).toBe(1);
    expect(ruleIds(run.stdout)).toContain('sops-unencrypted-file');
    expect(run.re2.get(HOSTILE)).toBe(1);
    expect([...run.regexps.keys()].filter((source) => source.includes('a?a?'))).toEqual([]);
  });
});
