/** Bad input is the repository's content: a clear finding, never a crash and never a silent pass. */
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { ageKey } from '../helpers/keys.js';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

const AGE = 'age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr';
const report = (out: { stdout: string }) => JSON.parse(out.stdout) as { findings: Array<{ path: string; ruleId: string; message: string; line: number }> };

describe('bad input', () => {
  it('a .sops.yaml that sops cannot load: the config is reported, and files under it are not waved through', () => {
    repo = makeRepo();
    repo.write('.sops.yaml', `creation_rules:\n  - path_regex: secrets/\n    age: ${AGE}\n  bad indentation: [\n`);
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'broken config', '--no-verify');
    repo.write('secrets/new.yaml', 'token: abc\n');
    repo.git('add', '-A');
    const staged = report(repo.guard(['check', '--format', 'json']));
    expect(staged.findings.map((f) => `${f.path} ${f.ruleId}`)).toEqual(['secrets/new.yaml sops-unencrypted-file']);
    expect(staged.findings[0]!.message).toMatch(/\.sops\.yaml cannot be loaded by sops/);
    const all = report(repo.guard(['check', '--all', '--format', 'json']));
    expect(all.findings.map((f) => `${f.path} ${f.ruleId}`)).toContain('.sops.yaml sops-config');
  });

  it('a covered file that is not valid YAML is reported with its line', () => {
    repo = makeRepo();
    repo.write('.sops.yaml', `creation_rules:\n  - path_regex: \\.secret\\.yaml$\n    age: ${AGE}\n`);
    repo.write('app.secret.yaml', 'a: 1\nb: [unclosed\n');
    repo.git('add', '-A');
    const out = repo.guard(['check', '--format', 'json']);
    expect(out.status).toBe(1);
    const [finding] = report(out).findings;
    expect(finding).toMatchObject({ path: 'app.secret.yaml', ruleId: 'sops-unencrypted-file' });
    expect(finding!.message).toMatch(/does not parse as yaml/);
  });

  it('non-UTF-8 text is still scanned', async () => {
    repo = makeRepo();
    const { identity } = await ageKey();
    repo.write('legacy.conf', Buffer.concat([Buffer.from('# caf\xe9 latin-1 comment\nkey = ', 'latin1'), Buffer.from(`${identity}\n`)]));
    repo.write('.env', Buffer.from('PASSWORD=s\xe9cr\xe9t-value-123\n', 'latin1'));
    repo.git('add', '-A');
    const out = repo.guard(['check', '--format', 'json']);
    expect(report(out).findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`)).toEqual(['.env:1 plaintext-env-file', 'legacy.conf:2 private-key']);
    expect(out.stdout).not.toContain(identity);
  });

  it('an empty repository and an empty commit are clean, not errors', () => {
    repo = makeRepo();
    expect(repo.guard(['check']).status).toBe(0);
    expect(repo.guard(['check', '--all']).status).toBe(0);
  });
});
