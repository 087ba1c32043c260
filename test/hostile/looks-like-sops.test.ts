/**
 * Hostile and careless: a file that merely mentions sops (a JSON value, a Terraform output, a comment, a Makefile
 * target, a README example, a Helm setting) is not a sops file. Only metadata that parses and validates in the
 * file's own store makes one: the plaintext rules keep judging everything else, and sops-metadata stays quiet on
 * files no creation rule covers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TestRepo } from '../helpers/git-repo.js';
import { check, expectBlocked, sopsRepo } from './sops-hostile-repo.js';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

const PASSWORD = 'Tr0ub4dor-and-3-horses'; // secrets-guard-allow: a made-up password the test plants

describe('a file that only looks like sops', () => {
  it('.env: a JSON value holding "sops": { does not switch plaintext-env-file off', () => {
    repo = sopsRepo({ '.env': `FEATURES={"sops": {"enabled": true}}\nDB_PASSWORD=${PASSWORD}\n` });
    expectBlocked(check(repo), '.env plaintext-env-file', PASSWORD);
  });

  it('Terraform state: an output named sops does not switch terraform-state off', () => {
    const state = { version: 4, outputs: { sops: { value: { enabled: true }, type: 'object' }, db_password: { value: PASSWORD, sensitive: true } } };
    repo = sopsRepo({ 'infra/terraform.tfstate': JSON.stringify(state, null, 2) });
    expectBlocked(check(repo), 'infra/terraform.tfstate terraform-state', PASSWORD);
  });

  it('tfvars: a comment `# "sops": {` does not switch plaintext-tfvars off', () => {
    repo = sopsRepo({ 'infra/prod.tfvars': `# "sops": {\ndb_password = "${PASSWORD}"\n` });
    expectBlocked(check(repo), 'infra/prod.tfvars plaintext-tfvars', PASSWORD);
  });
});

describe('sops: at column 0 outside a sops file is not a sops-metadata error', () => {
  it('a Makefile target named sops', () => {
    repo = sopsRepo({ Makefile: 'sops:\n\tsops -d secrets/app.yaml > app.yaml\n' });
    expect(check(repo)).toMatchObject({ status: 0, findings: [] });
  });

  it('a README with a fenced example of the metadata block', () => {
    repo = sopsRepo({ 'README.md': '# Deploy\n\n```yaml\nsops:\n    age:\n        - recipient: age1example\n    version: 3.9.0\n```\n' });
    expect(check(repo)).toMatchObject({ status: 0, findings: [] });
  });

  it('a Helm values.yaml with `sops: {enabled: true}`, unless a creation rule covers it', () => {
    const values = 'replicas: 2\nsops: {enabled: true}\n';
    repo = sopsRepo({ 'chart/values.yaml': values, 'secrets/values.yaml': values });
    const result = check(repo);
    expect(result.findings.filter((f) => f.startsWith('chart/'))).toEqual([]);
    expect(result.findings).toContain('secrets/values.yaml sops-metadata');
  });
});
