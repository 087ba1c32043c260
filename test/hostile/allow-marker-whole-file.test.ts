/**
 * Hostile: a finding about a whole file is reported at line 1, so a marker on line 1 silenced it: one
 * `# secrets-guard-allow` at the top of a plaintext file under a sops creation rule, or on the first assignment of a
 * `.env`, hid every secret in the file. Only `.secrets-guard.yaml` turns such findings off; markers still silence
 * line findings, and the summary says how many.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fake } from '../helpers/fake-tokens.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

const AGE = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

interface Report {
  findings: Array<{ ruleId: string; path: string }>;
  summary: { notes: string[] };
}

function check(files: Record<string, string>): { status: number; report: Report } {
  repo = makeRepo();
  for (const [path, content] of Object.entries(files)) repo.write(path, content);
  repo.git('add', '-A');
  const out = repo.guard(['check', '--format', 'json']);
  expect(out.status, out.stderr).toBeLessThan(2);
  return { status: out.status, report: JSON.parse(out.stdout) as Report };
}

const SOPS_CONFIG = `creation_rules:\n  - path_regex: ^secrets/\n    age: ${AGE}\n`;

describe('a whole-file finding and a marker on its line', () => {
  it('sops-unencrypted-file is not silenced by a marker on line 1', () => {
    const { status, report } = check({ '.sops.yaml': SOPS_CONFIG, 'secrets/db.yaml': '# secrets-guard-allow\npassword: hunter2-in-clear\n' });
    expect(status).toBe(1);
    expect(report.findings.map((f) => f.ruleId)).toContain('sops-unencrypted-file');
  });

  it('sops-unencrypted-file is not silenced by a marker on the line where the file stops parsing', () => {
    const { status, report } = check({ '.sops.yaml': SOPS_CONFIG, 'secrets/db.yaml': 'password: hunter2-in-clear\n] # secrets-guard-allow\n' });
    expect(status).toBe(1);
    expect(report.findings.map((f) => f.ruleId)).toContain('sops-unencrypted-file');
  });

  it('plaintext-env-file is not silenced by a marker on its first assignment', () => {
    const { status, report } = check({ 'app/.env': 'LOG_LEVEL=debug # secrets-guard-allow\nDB_PASSWORD=hunter2-in-clear\n' });
    expect(status).toBe(1);
    expect(report.findings.map((f) => f.ruleId)).toContain('plaintext-env-file');
  });

  it('a config entry does turn them off, and a marker still silences a line finding, counted in the summary', () => {
    const { status, report } = check({
      '.sops.yaml': SOPS_CONFIG,
      '.secrets-guard.yaml': 'ignore:\n  - "secrets/db.yaml"\nrules:\n  plaintext-env-file: off\n  generic-credential: off\n',
      'secrets/db.yaml': 'password: hunter2-in-clear\n',
      'app/.env': 'DB_PASSWORD=hunter2-in-clear\n',
      'deploy/values.yaml': `# secrets-guard-allow: a fixture\ntoken: ${fake.github()}\n`,
    });
    expect(report.findings).toEqual([]);
    expect(status).toBe(0);
    expect(report.summary.notes).toContain('1 finding(s) suppressed by allow comments');
  });
});
