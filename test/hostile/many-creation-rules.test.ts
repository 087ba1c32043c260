/**
 * Hostile (or just large): a `.sops.yaml` with more creation rules than a shared pattern cache holds. Every file
 * asks the rules in order until one matches, so a cache smaller than the list compiled all 1,100 patterns again
 * for each of the 200 files (15 s). Each pattern must be compiled once per run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { guardCountingCompilations } from '../helpers/compilations.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

const AGE = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';
const RULES = 1100;
const FILES = 200;

let repo: TestRepo;
afterEach(() => repo?.cleanup());

describe('a .sops.yaml with 1,100 creation rules', () => {
  it('compiles each path_regex once for 200 files that match none of them', () => {
    repo = makeRepo();
    const rules = Array.from({ length: RULES }, (_, i) => `  - path_regex: '^team-${i}/.*\\.yaml$'\n    age: ${AGE}\n`).join('');
    repo.write('.sops.yaml', `creation_rules:\n${rules}`);
    for (let i = 0; i < FILES; i++) repo.write(`apps/app-${i}/values.yaml`, `replicas: ${i}\n`);
    repo.git('add', '-A');
    const run = guardCountingCompilations(repo, ['check', '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    const compiled = [...run.regexps].filter(([source]) => source.includes('team-'));
    expect(compiled).toHaveLength(RULES); // every rule was asked, as a RegExp (the patterns are in the common subset)
    expect(compiled.filter(([, times]) => times > 1)).toEqual([]);
  });
});
