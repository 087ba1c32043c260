/**
 * Values that are not secrets on real repositories: Terraform's bare `key` (taints, tags, the S3 backend) and
 * placeholders in docs and templates; next to each, a real-looking secret that must still be reported.
 * Real repository, built binary, `check --all`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fake } from '../helpers/fake-tokens.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

function findings(out: { stdout: string }): string[] {
  return JSON.parse(out.stdout)
    .findings.map((f: { path: string; ruleId: string; line: number }) => `${f.path}:${f.line} ${f.ruleId}`)
    .sort();
}

describe('stand-in values are not secrets', () => {
  it('Terraform: a bare key in taints, tags and the S3 backend passes; db_password still fails', () => {
    repo = makeRepo();
    repo.write(
      'cluster.auto.tfvars',
      [
        'node_pools = [{',
        '  name   = "gpu"',
        '  taints = [{ key = "dedicated", value = "gpu", effect = "NO_SCHEDULE" }]',
        '}]',
        'tags = [{ key = "Environment", value = "prod" }]',
        '',
      ].join('\n'),
    );
    repo.write('backend.tfvars', 'bucket = "acme-tf-state"\nkey    = "prod/terraform.tfstate"\nregion = "eu-west-1"\n');
    repo.write('prod.tfvars', 'db_password = "Rz7-kq2P-real"\n');
    repo.git('add', '-A');
    const out = repo.guard(['check', '--all', '--format', 'json']);
    expect(findings(out)).toEqual(['prod.tfvars:1 plaintext-tfvars']);
  });

  it('placeholders in docs and templates pass, secretlint findings included; a real token next to them fails', () => {
    repo = makeRepo();
    repo.write(
      'README.md',
      [
        'Connect with `postgres://<user>:<pass>@host/db`.',
        `Set GITHUB_TOKEN=ghp_${'x'.repeat(36)} in CI, or a GitLab token such as glpat-${'X'.repeat(20)}.`,
        '',
      ].join('\n'),
    );
    repo.write('.env.example', 'STRIPE_WEBHOOK_SECRET=whsec_...\nSLACK_BOT_TOKEN=xoxb-xxxx...\nSOPS_AGE_KEY=ignored\n');
    repo.write('ci/deploy.sh', `export GITHUB_TOKEN=${fake.github(21)}\n`);
    repo.git('add', '-A');
    const out = repo.guard(['check', '--all', '--format', 'json']);
    expect(findings(out)).toEqual(['ci/deploy.sh:1 secretlint/github']);
    expect(out.status).toBe(1);
  });

  it('a real env file of settings and placeholders passes; one with a plain-word password beside them fails', () => {
    repo = makeRepo();
    repo.write('web/app/.env', '# relative links in the bundle\nPUBLIC_URL=.\n');
    repo.write(
      'newrelic/nrconfig.env',
      'export NRIA_LICENSE_KEY=REPLACE_LICENSE_KEY_HERE\nexport NRIA_VERBOSE=0\nexport NRIA_LOG_FILE=/var/log/nr-infra.log\n',
    );
    repo.write('api/.env', 'NODE_ENV=production\nPORT=3000\nDB_PASSWORD=postgres\n');
    repo.git('add', '-A');
    const out = repo.guard(['check', '--all', '--format', 'json']);
    expect(findings(out)).toEqual(['api/.env:1 plaintext-env-file']);
    expect(out.status).toBe(1);
  });
});
