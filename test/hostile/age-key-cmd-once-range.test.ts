/**
 * SOPS_AGE_KEY_CMD runs at most once per run, as sops runs it once per invocation: a command that prompts or
 * hangs must not do so for every commit of a range. It ran once per commit (4 times for 4 commits). A commit
 * without sops files never runs it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { countingKeyCommand, macMismatchFile, sopsFileForPublishedKey, SOPS_YAML, type CountingKeyCommand } from '../helpers/published-age-key.js';

let repo: TestRepo;
let keyCommand: CountingKeyCommand;
afterEach(() => {
  repo?.cleanup();
  keyCommand?.cleanup();
});

function commit(files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) repo.write(path, content);
  repo.git('add', '-A');
  repo.git('commit', '-qm', Object.keys(files).join(' '), '--no-verify');
}

describe('SOPS_AGE_KEY_CMD in --range', () => {
  it('runs once for a 4-commit range with sops files in each commit, and never for commits without one', async () => {
    repo = makeRepo();
    commit({ '.sops.yaml': SOPS_YAML, 'README.md': '# app\n' });
    repo.git('tag', 'base');
    commit({ 'secrets/a.yaml': await sopsFileForPublishedKey({ a: 'one' }) });
    commit({ 'secrets/b.yaml': await sopsFileForPublishedKey({ b: 'two' }) });
    commit({ 'secrets/c.yaml': await sopsFileForPublishedKey({ c: 'three' }) });
    commit({ 'secrets/d.yaml': await macMismatchFile() });
    repo.git('tag', 'sops');
    commit({ 'docs/notes.md': 'nothing secret\n' });
    commit({ 'src/app.ts': 'export const answer = 42;\n' });

    keyCommand = countingKeyCommand();
    const out = repo.guard(['check', '--range', 'base..sops', '--format', 'json'], { SOPS_AGE_KEY_CMD: keyCommand.command });
    expect(out.status).toBe(1);
    const report = JSON.parse(out.stdout);
    expect(report.findings.map((f: { path: string; ruleId: string }) => `${f.path} ${f.ruleId}`)).toEqual(['secrets/d.yaml sops-mac-mismatch']);
    expect(report.summary.notes).toContain('sops MAC verified for 4 file(s); 0 could not be verified (no matching age identity)');
    expect(keyCommand.runs()).toBe(1);

    const clean = repo.guard(['check', '--range', 'sops..HEAD'], { SOPS_AGE_KEY_CMD: keyCommand.command });
    expect(clean.status).toBe(0);
    expect(keyCommand.runs()).toBe(1); // not run again: those commits hold no sops file
  });
});
