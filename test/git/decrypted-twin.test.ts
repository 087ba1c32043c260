/**
 * decrypted-twin reads the encrypted twin from the scan's own source (index, commits, disk; from worker threads
 * through the main thread) and reports a plaintext file only when it holds what the twin encrypts.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { PARALLEL_THRESHOLD } from '../../src/engine/parallel/threads.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

const ENC_YAML = readFileSync(new URL('../fixtures/sops/humphd-sops-age/tests/data/secret.enc.yaml', import.meta.url), 'utf8');
const ENC_ENV = readFileSync(new URL('../fixtures/sops/humphd-sops-age/tests/data/secret.enc.env', import.meta.url), 'utf8');

let repo: TestRepo;
afterEach(() => repo?.cleanup());

function twins(out: { stdout: string }): string[] {
  return JSON.parse(out.stdout)
    .findings.filter((f: { ruleId: string }) => f.ruleId === 'decrypted-twin')
    .map((f: { path: string }) => f.path)
    .sort();
}

/** Files named like decrypted copies: two that are not (talhelper, Ansible), two that are. */
function writeTwins(r: TestRepo): void {
  r.write('talos/talenv.sops.yaml', ENC_YAML);
  r.write('talos/talenv.yaml', 'clusterName: home\ntalosVersion: v1.7.0\n');
  r.write('ansible/host_vars/web/main.sops.yml', ENC_YAML);
  r.write('ansible/host_vars/web/main.yml', 'ansible_host: 10.0.0.10\nansible_user: deploy\n');
  r.write('apps/app.enc.yaml', ENC_YAML);
  r.write('apps/app.yaml', 'secret: decrypted-value-1\ncomplex:\n  value: decrypted-value-2\n');
  r.write('svc/secret.enc.env', ENC_ENV);
  r.write(
    'svc/secret.env',
    `${
      ENC_ENV.split('\n')
        .find((l) => !l.startsWith('sops_') && l.includes('='))!
        .split('=')[0]
    }=plain-value\n`,
  );
}

const EXPECTED = ['apps/app.yaml', 'svc/secret.env'];

describe('decrypted-twin on real repositories', () => {
  it('judges by content in staged, --all, --range and paths modes', () => {
    repo = makeRepo();
    repo.write('README.md', '# base\n');
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'base');
    writeTwins(repo);
    repo.git('add', '-A');
    expect(twins(repo.guard(['check', '--format', 'json']))).toEqual(EXPECTED);
    expect(twins(repo.guard(['check', '--all', '--format', 'json']))).toEqual(EXPECTED);
    repo.git('commit', '-q', '-m', 'twins');
    expect(twins(repo.guard(['check', '--range', 'HEAD~1..HEAD', '--format', 'json']))).toEqual(EXPECTED);
    const named = repo.guard(['check', '--format', 'json', 'talos/talenv.yaml', 'ansible/host_vars/web/main.yml', 'apps/app.yaml', 'svc/secret.env']);
    expect(twins(named)).toEqual(EXPECTED);
  });

  it('worker threads read twins through the main thread and report the same', () => {
    repo = makeRepo();
    for (let i = 0; i < PARALLEL_THRESHOLD + 10; i++) repo.write(`src/f${i}.ts`, `export const v${i} = ${i};\n`);
    writeTwins(repo);
    repo.git('add', '-A');
    const args = ['check', '--all', '--format', 'json'];
    const threaded = repo.guard(args, { SECRETS_GUARD_THREADS: '2' });
    expect(twins(threaded)).toEqual(EXPECTED);
    expect(threaded.stdout).toBe(repo.guard(args, { SECRETS_GUARD_THREADS: '0' }).stdout);
  });
});
