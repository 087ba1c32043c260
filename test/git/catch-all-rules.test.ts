/**
 * A `.sops.yaml` whose last (or only) creation rule has no `path_regex` says which keys sops uses by default; it
 * must not turn every tracked file into an error. Real repository, built binary, `check --all`.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

const ENC_YAML = readFileSync(new URL('../fixtures/sops/humphd-sops-age/tests/data/secret.enc.yaml', import.meta.url), 'utf8');
// The fixture's own recipients, so that no drift warning mixes in.
const AGE = [
  'age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr',
  'age19j4d6v9j7rx5fs629fu387qz4zmlpsqjexa4s08tkfrrmfdl5cwqjlaupd',
  'age13runq29jhy9kfpaegczrzttykerswh0qprq59msgd754yermtfmsa3hwg2',
].join(',');

let repo: TestRepo;
afterEach(() => repo?.cleanup());

function findings(out: { stdout: string }): string[] {
  return JSON.parse(out.stdout)
    .findings.map((f: { path: string; ruleId: string }) => `${f.path} ${f.ruleId}`)
    .sort();
}

function repoWith(sopsYaml: string, extra: Record<string, string> = {}): TestRepo {
  const r = makeRepo();
  r.write('.sops.yaml', sopsYaml);
  r.write('README.md', '# cluster\n');
  r.write('apps/values.yaml', 'replicas: 2\nimage: nginx\n');
  r.write('Makefile', 'all:\n\tkubectl apply -k .\n');
  r.write('secrets/app.yaml', ENC_YAML);
  r.write('secrets/db.yaml', 'password: hunter2-in-plaintext\n');
  // A sops file under the catch-all, with a value pasted in plaintext: still checked in full.
  r.write('apps/edited.enc.yaml', ENC_YAML.replace(/^int: ENC\[[^\n]*$/m, 'int: 2'));
  for (const [path, content] of Object.entries(extra)) r.write(path, content);
  r.git('add', '-A');
  return r;
}

describe('catch-all creation rules', () => {
  it('a path rule and a catch-all after it: only the path rule asserts coverage', () => {
    repo = repoWith(`creation_rules:\n  - path_regex: ^secrets/\n    age: ${AGE}\n  - age: ${AGE}\n`);
    const out = repo.guard(['check', '--all', '--format', 'json']);
    expect(findings(out)).toEqual(['apps/edited.enc.yaml sops-plaintext-value', 'secrets/db.yaml sops-unencrypted-file']);
    expect(out.status).toBe(1);
  });

  it('`.*` and `^.*$` are catch-alls too; catchAllRequiresEncryption asks for the strict reading', () => {
    repo = repoWith(`creation_rules:\n  - path_regex: ^.*$\n    age: ${AGE}\n`);
    // The catch-all asserts no coverage; the plaintext password in secrets/db.yaml is still a credential the detectors find.
    expect(findings(repo.guard(['check', '--all', '--format', 'json']))).toEqual([
      'apps/edited.enc.yaml sops-plaintext-value',
      'secrets/db.yaml generic-credential',
    ]);
    repo.write('.secrets-guard.yaml', 'rules:\n  sops-unencrypted-file:\n    options: { catchAllRequiresEncryption: true }\n');
    repo.git('add', '.secrets-guard.yaml');
    const strict = findings(repo.guard(['check', '--all', '--format', 'json']));
    for (const path of ['README.md', 'Makefile', 'apps/values.yaml', 'secrets/db.yaml']) expect(strict).toContain(`${path} sops-unencrypted-file`);
  });

  it('a path rule after a catch-all is never reached: the config is warned about, the plaintext secret still found', () => {
    repo = repoWith(`creation_rules:\n  - age: ${AGE}\n  - path_regex: ^secrets/\n    age: ${AGE}\n`);
    const out = repo.guard(['check', '--all', '--format', 'json']);
    // sops encrypts secrets/ with the catch-all: the path rule asserts nothing; the password is a credential all the same.
    expect(findings(out)).toEqual(['.sops.yaml sops-config', 'apps/edited.enc.yaml sops-plaintext-value', 'secrets/db.yaml generic-credential']);
    const messages = JSON.parse(out.stdout)
      .findings.map((f: { message: string }) => f.message)
      .join('\n');
    expect(messages).toContain('creation_rules[1] can never match: creation_rules[0] before it matches every file');
    expect(out.status).toBe(1);
  });

  it('a bad option value is a configuration error', () => {
    repo = repoWith(`creation_rules:\n  - age: ${AGE}\n`, {
      '.secrets-guard.yaml': 'rules:\n  sops-unencrypted-file:\n    options: { catchAllRequiresEncryption: 1 }\n',
    });
    const out = repo.guard(['check', '--all']);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('rules.sops-unencrypted-file.options.catchAllRequiresEncryption: expected true or false');
  });
});
