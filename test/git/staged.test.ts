/**
 * Staged mode against real repositories: the guard must judge exactly what the commit will contain (index blobs,
 * the hook's temporary index), and leave the repository byte-for-byte as it found it.
 */
import { chmodSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addIndexFiller, BIN, makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { ageKey } from '../helpers/keys.js';

const LEAK = 'DB_PASSWORD=prod-Zk8q9pLw2mX\n';
let repo: TestRepo;
afterEach(() => repo?.cleanup());

function findings(r: TestRepo, args: string[] = ['check', '--format', 'json']) {
  const before = r.fingerprint();
  const out = r.guard(args);
  expect(r.fingerprint(), 'check must not change the index, work tree or config').toBe(before);
  return { status: out.status, stderr: out.stderr, report: out.stdout ? JSON.parse(out.stdout) : undefined };
}

const pathsOf = (report: { findings: Array<{ path: string; ruleId: string }> }) => report.findings.map((f) => `${f.path}:${f.ruleId}`);

describe('staged mode', () => {
  it('works before the first commit', () => {
    repo = makeRepo();
    repo.write('.env', LEAK);
    repo.git('add', '.env');
    const { status, report } = findings(repo);
    expect(status).toBe(1);
    expect(pathsOf(report)).toEqual(['.env:plaintext-env-file']);
  });

  it('reads the staged version, not the work tree (both ways of partial staging)', () => {
    repo = makeRepo();
    repo.write('.env', LEAK);
    repo.git('add', '.env');
    repo.write('.env', 'DB_PASSWORD=\n'); // cleaned in the work tree only
    expect(findings(repo).status).toBe(1);

    repo.git('add', '.env'); // staged clean now
    repo.write('.env', LEAK); // dirty again, but not staged
    const { status, report } = findings(repo);
    expect(status).toBe(0);
    expect(report.findings).toEqual([]);
  });

  it('checks only added, copied, modified and renamed files', () => {
    repo = makeRepo();
    repo.write('keep/.env', LEAK);
    repo.write('old/.env', LEAK);
    repo.git('add', '.');
    repo.git('commit', '-qm', 'init', '--no-verify');
    expect(findings(repo).status).toBe(0); // nothing staged

    repo.git('rm', '-q', 'keep/.env'); // deletion: not content
    expect(findings(repo).status).toBe(0);

    repo.git('mv', 'old', 'new'); // rename: the new path is checked
    const { report } = findings(repo);
    expect(pathsOf(report)).toEqual(['new/.env:plaintext-env-file']);
  });

  it('skips binary content and symlink targets, handles odd file names', () => {
    repo = makeRepo();
    repo.write('image.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, ...Buffer.from('AKIAIOSFODNN7EXAMPLE')]));
    symlinkSync('../../etc/passwd', join(repo.dir, 'link.env'));
    repo.write('dir with space/.env', LEAK);
    repo.write('ünïcödé/.env', LEAK);
    repo.write('new\nline/.env', LEAK);
    repo.git('add', '.');
    const { status, report } = findings(repo);
    expect(status).toBe(1);
    expect(pathsOf(report).sort()).toEqual(
      ['dir with space/.env:plaintext-env-file', 'new\nline/.env:plaintext-env-file', 'ünïcödé/.env:plaintext-env-file'].sort(),
    );
    expect(report.skipped).toEqual([{ path: 'image.bin', reason: 'binary content', kind: 'binary' }]);
  });

  it('finds an encrypted twin committed earlier, also in a directory whose name has glob characters', () => {
    repo = makeRepo();
    repo.write('we[ird]*/.env.enc', 'sops_version=3.9.0\nsops_mac=x\nA=ENC[x]\n');
    repo.write('other/.env.enc', 'sops_version=3.9.0\nsops_mac=x\nA=ENC[x]\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'encrypted', '--no-verify');
    repo.write('we[ird]*/.env', 'A=decrypted-Zk8q9pLw2mX\n'); // the value its twin encrypts: a decrypted copy
    repo.git('add', '-A');
    const { report } = findings(repo);
    expect(pathsOf(report)).toEqual(['we[ird]*/.env:decrypted-twin', 'we[ird]*/.env:plaintext-env-file']);
  });

  it('gives the same answers on a large index, where the configs are listed while git finds the staged files', () => {
    repo = makeRepo();
    // 25,000 index entries without 25,000 files: well past the 512 KB index size that switches listings.
    addIndexFiller(repo, 25_000);
    repo.write(
      'deploy/.sops.yaml',
      'creation_rules:\n  - path_regex: secrets/.*\\.yaml$\n    age: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\n',
    );
    repo.write('deploy/other/.env.enc', 'sops_version=3.9.0\nsops_mac=x\nA=ENC[x]\n');
    repo.git('add', 'filler.txt', 'deploy');
    repo.git('commit', '-qm', 'base', '--no-verify');
    expect(statSync(join(repo.dir, '.git/index')).size).toBeGreaterThan(512 * 1024);
    repo.write('deploy/secrets/db.yaml', 'password: not-encrypted\n');
    repo.write('deploy/other/.env', 'A=decrypted-Zk8q9pLw2mX\n');
    repo.git('add', 'deploy');
    const { report } = findings(repo);
    expect(pathsOf(report)).toEqual([
      'deploy/other/.env:decrypted-twin',
      'deploy/other/.env:plaintext-env-file',
      'deploy/secrets/db.yaml:sops-unencrypted-file',
    ]);
  });

  it('does not scan submodules (gitlinks)', () => {
    const sub = makeRepo();
    sub.write('.env', LEAK);
    sub.git('add', '.');
    sub.git('commit', '-qm', 'sub', '--no-verify');
    repo = makeRepo();
    repo.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub.dir, 'vendor/sub');
    const { status, report } = findings(repo);
    sub.cleanup();
    expect(status).toBe(0);
    expect(pathsOf(report)).toEqual([]);
  });

  it('notes files over the size cap instead of skipping them silently', () => {
    repo = makeRepo();
    repo.write('big.txt', 'x'.repeat(2048));
    repo.git('add', '.');
    const { status, report } = findings(repo, ['check', '--format', 'json', '--max-file-size', '1KiB']);
    expect(status).toBe(0);
    expect(report.skipped[0].path).toBe('big.txt');
    expect(report.skipped[0].reason).toMatch(/size cap/);
  });

  it('scans every tracked file with --all', async () => {
    repo = makeRepo();
    const { identity } = await ageKey();
    repo.write('keys.txt', `${identity}\n`);
    repo.write('.env', LEAK);
    repo.git('add', '.');
    repo.git('commit', '-qm', 'oops', '--no-verify');
    const { status, report } = findings(repo, ['check', '--all', '--format', 'json']);
    expect(status).toBe(1);
    expect(pathsOf(report).sort()).toEqual(['.env:plaintext-env-file', 'keys.txt:private-key']);
  });
});

describe('inside a real pre-commit hook', () => {
  function installHook(r: TestRepo): void {
    r.write('.git/hooks/pre-commit', `#!/bin/sh\nexec "${process.execPath}" "${BIN}" check\n`);
    chmodSync(join(r.dir, '.git/hooks/pre-commit'), 0o755);
  }

  function committedRepo(): TestRepo {
    const r = makeRepo();
    installHook(r);
    r.write('app/config.yaml', 'name: app\n');
    r.write('notes.txt', 'hello\n');
    r.git('add', '.');
    r.git('commit', '-qm', 'init');
    return r;
  }

  it('blocks `git commit -a` on a change that was never `git add`ed (GIT_INDEX_FILE)', async () => {
    repo = committedRepo();
    const { identity } = await ageKey();
    repo.write('app/config.yaml', `name: app\nkey: ${identity}\n`);
    const result = repo.tryGit('commit', '-a', '-m', 'leak');
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/private-key/);
    expect(repo.git('log', '--oneline').trim().split('\n')).toHaveLength(1);
  });

  it('blocks `git commit <path>` and lets a clean one through', async () => {
    repo = committedRepo();
    const { identity } = await ageKey();
    repo.write('app/config.yaml', `key: ${identity}\n`);
    repo.write('notes.txt', 'hello again\n');
    expect(repo.tryGit('commit', 'app/config.yaml', '-m', 'leak').status).not.toBe(0);
    const clean = repo.tryGit('commit', 'notes.txt', '-m', 'clean');
    expect(clean.stdout + clean.stderr).toMatch(/no secrets found in 1 file/);
    expect(clean.status).toBe(0);
  });
});

describe('outside a repository', () => {
  it('exits 2 with one clear line', () => {
    repo = makeRepo({ init: false });
    const out = repo.guard(['check']);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/^secrets-guard: not a git repository/);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });
});
