/**
 * Keeps the benchmark harness honest: the synthetic repository is deterministic (same seed → same commit ids,
 * another seed → another repository) and the CLI finds the secrets planted in it. No timing assertions.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, PROJECT_ROOT, isolatedEnv } from '../helpers/git-repo.js';

interface Manifest {
  dir: string;
  head: string;
  commits: number;
  files: number;
  bytes: number;
  planted: Array<{ path: string; kinds: string[] }>;
}

const SCRIPT = join(PROJECT_ROOT, 'bench/synthetic-repo.mjs');
let root: string;

function build(name: string, seed: number): Manifest {
  const r = spawnSync(process.execPath, [SCRIPT, '--size', '200KB', '--seed', String(seed), '--dir', join(root, name), '--json'], {
    encoding: 'utf8',
    env: isolatedEnv(),
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Manifest;
}

function git(dir: string, ...args: string[]): string {
  return spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: isolatedEnv() }).stdout;
}

let first: Manifest;
let second: Manifest;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sg-bench-'));
  first = build('a', 7);
  second = build('b', 7);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('synthetic repository', () => {
  it('is deterministic: the same seed gives the same commits and files', () => {
    expect(first.head).toMatch(/^[0-9a-f]{40}$/);
    expect(second.head).toBe(first.head);
    expect(git(second.dir, 'rev-list', 'HEAD')).toBe(git(first.dir, 'rev-list', 'HEAD'));
    expect(git(first.dir, 'status', '--porcelain')).toBe('');
  });

  it('has the requested size, 101 commits and every file kind', () => {
    expect(first.bytes).toBeGreaterThanOrEqual(200_000);
    expect(first.bytes).toBeLessThan(260_000);
    expect(git(first.dir, 'rev-list', '--count', 'HEAD').trim()).toBe('101');
    const paths = git(first.dir, 'ls-files').trim().split('\n');
    expect(paths).toHaveLength(first.files);
    for (const suffix of ['.ts', '.py', '.go', '.tf', '.md', '.yaml', 'package-lock.json', '.sops.yaml']) {
      expect(
        paths.some((p) => p.endsWith(suffix)),
        suffix,
      ).toBe(true);
    }
  });

  it('depends on the seed', () => {
    expect(build('c', 8).head).not.toBe(first.head);
  });

  it('check --all finds the planted secrets (exit 1)', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', '--all', '--format', 'json'], { cwd: first.dir, encoding: 'utf8', env: isolatedEnv() });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const found = (JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; path: string }> }).findings.map((f) => `${f.ruleId} ${f.path}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'private-key deploy/keys/deploy-ec.pem',
        'plaintext-env-file services/billing/.env',
        'plaintext-tfvars infra/terraform/prod/terraform.tfvars',
      ]),
    );
    expect(first.planted.map((p) => p.path)).toEqual(expect.arrayContaining(['deploy/keys/deploy-ec.pem', 'services/billing/.env']));
  });

  it('check --range over the 100 commits finds them too', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', '--range', 'HEAD~100..HEAD', '--format', 'json'], {
      cwd: first.dir,
      encoding: 'utf8',
      env: isolatedEnv(),
    });
    expect(r.status).toBe(1);
    const paths = (JSON.parse(r.stdout) as { findings: Array<{ path: string }> }).findings.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['deploy/keys/deploy-ec.pem', 'services/billing/.env']));
  });
});
