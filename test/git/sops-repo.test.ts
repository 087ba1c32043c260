/**
 * SOPS checks end to end: real sops files from the corpus in a real repository with a `.sops.yaml`, through the
 * built binary, in staged, --all and --range modes, with and without the age key.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

const fixture = (p: string) => readFileSync(new URL(`../fixtures/sops/${p}`, import.meta.url), 'utf8');
const ENC_YAML = fixture('humphd-sops-age/tests/data/secret.enc.yaml');
const ENC_ENV = fixture('humphd-sops-age/tests/data/secret.enc.env');
const KEY_FILE = new URL('../fixtures/sops/humphd-sops-age/key.txt', import.meta.url).pathname;
const RECIPIENTS = [
  'age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr',
  'age19j4d6v9j7rx5fs629fu387qz4zmlpsqjexa4s08tkfrrmfdl5cwqjlaupd',
  'age13runq29jhy9kfpaegczrzttykerswh0qprq59msgd754yermtfmsa3hwg2',
];
const SOPS_YAML = `creation_rules:\n  - path_regex: secrets/.*\n    age: >-\n      ${RECIPIENTS.join(',')}\n`;

let repo: TestRepo;
afterEach(() => repo?.cleanup());

function findings(out: { stdout: string }): string[] {
  return JSON.parse(out.stdout).findings.map((f: { path: string; ruleId: string }) => `${f.path} ${f.ruleId}`);
}

function sopsRepo(files: Record<string, string | Buffer>): TestRepo {
  const r = makeRepo();
  r.write('.sops.yaml', SOPS_YAML);
  for (const [path, content] of Object.entries(files)) r.write(path, content);
  r.git('add', '-A');
  return r;
}

describe('a repository that keeps its secrets with sops', () => {
  it('passes correctly encrypted files and blocks what a creation rule covers but is not encrypted', () => {
    repo = sopsRepo({
      'secrets/app.yaml': ENC_YAML,
      'secrets/app.env': ENC_ENV,
      'secrets/db.yaml': 'password: hunter2-in-plaintext\n',
      'secrets/keystore.p12': Buffer.from([0x30, 0x82, 0x01, 0x00, 0x00, 0x01]),
      'docs/readme.md': '# not covered\n',
    });
    const out = repo.guard(['check', '--format', 'json']);
    expect(out.status).toBe(1);
    expect(findings(out)).toEqual(['secrets/db.yaml sops-unencrypted-file', 'secrets/keystore.p12 sops-unencrypted-file']);
    expect(out.stdout).not.toContain('hunter2');
  });

  it('verifies MACs with the age key from SOPS_AGE_KEY_FILE and catches a hand-edited value', () => {
    const tampered = ENC_YAML.replace(/^int: ENC\[[^\n]*$/m, 'int: 2');
    repo = sopsRepo({ 'secrets/app.yaml': ENC_YAML, 'secrets/edited.yaml': tampered });
    const withKey = repo.guard(['check', '--format', 'json'], { SOPS_AGE_KEY_FILE: KEY_FILE });
    expect(findings(withKey).sort()).toEqual(['secrets/edited.yaml sops-mac-mismatch', 'secrets/edited.yaml sops-plaintext-value']);
    expect(JSON.parse(withKey.stdout).summary.notes).toContain('sops MAC verified for 2 file(s); 0 could not be verified (no matching age identity)');

    const noKey = repo.guard(['check', '--format', 'json']);
    expect(findings(noKey)).toEqual(['secrets/edited.yaml sops-plaintext-value']);
    expect(JSON.parse(noKey.stdout).summary.notes).toContain('sops MAC verified for 0 file(s); 2 could not be verified (no matching age identity)');

    const required = repo.guard(['check', '--format', 'json', '--require-verification']);
    expect(findings(required).filter((f) => f.endsWith('sops-mac-mismatch'))).toHaveLength(2);
    expect(required.status).toBe(1);
  });

  it('uses the nearest .sops.yaml, read from the index, and --sops-config to force one', () => {
    repo = makeRepo();
    repo.write('.sops.yaml', 'creation_rules:\n  - path_regex: nothing-matches-this$\n    age: ' + RECIPIENTS[0] + '\n');
    repo.write('apps/api/.sops.yaml', `creation_rules:\n  - path_regex: \\.secret\\.yaml$\n    age: ${RECIPIENTS[0]}\n`);
    repo.write('apps/api/prod.secret.yaml', 'token: plaintext-token-123\n');
    repo.write('apps/web/prod.secret.yaml', 'token: plaintext-token-456\n');
    repo.git('add', '-A');
    repo.write('apps/api/.sops.yaml', 'creation_rules: []\n'); // unstaged: must not count
    const out = repo.guard(['check', '--format', 'json']);
    expect(findings(out)).toEqual(['apps/api/prod.secret.yaml sops-unencrypted-file']);

    repo.write('forced.yaml', `creation_rules:\n  - path_regex: secret\n    age: ${RECIPIENTS[0]}\n`);
    const forced = repo.guard(['check', '--format', 'json', '--sops-config', 'forced.yaml']);
    expect(findings(forced)).toEqual(['apps/api/prod.secret.yaml sops-unencrypted-file', 'apps/web/prod.secret.yaml sops-unencrypted-file']);
  });

  it('reports a .sops.yaml with a broken path_regex, and the files it leaves undecided', () => {
    repo = makeRepo();
    repo.write('.sops.yaml', `creation_rules:\n  - path_regex: (?<=x)secrets\n    age: ${RECIPIENTS[0]}\n`);
    repo.write('secrets/x.yaml', 'a: b\n');
    repo.git('add', '-A');
    const out = repo.guard(['check', '--format', 'json']);
    expect(findings(out)).toEqual(['.sops.yaml sops-config', 'secrets/x.yaml sops-unencrypted-file']);
    expect(out.stdout).toMatch(/does not compile/);
  });

  it('lints .sops.yaml: the path_regexp typo that turns a rule into a catch-all', () => {
    repo = makeRepo();
    repo.write('.sops.yaml', fixture('humphd-sops-age/.sops.yaml'));
    repo.git('add', '-A');
    const out = repo.guard(['check', '--format', 'json']);
    const report = JSON.parse(out.stdout);
    expect(report.findings[0]).toMatchObject({ path: '.sops.yaml', ruleId: 'sops-config', line: 3 });
    expect(report.findings[0].message).toMatch(/path_regex/);
  });

  it('flags a stale recipient after a key rotation (drift) as a warning', () => {
    const rotated = `creation_rules:\n  - path_regex: secrets/.*\n    age: ${RECIPIENTS.slice(0, 2).join(',')}\n`;
    repo = sopsRepo({ 'secrets/app.yaml': ENC_YAML });
    repo.write('.sops.yaml', rotated);
    repo.git('add', '-A');
    const out = repo.guard(['check', '--all', '--format', 'json']);
    expect(out.status).toBe(0);
    const drift = JSON.parse(out.stdout).findings.find((f: { ruleId: string }) => f.ruleId === 'sops-rule-drift');
    expect(drift).toMatchObject({ severity: 'warning', path: 'secrets/app.yaml' });
    expect(drift.message).toMatch(/updatekeys/);
    expect(drift.message).toContain(RECIPIENTS[2]);
  });
});
