/**
 * A staged check starts its git commands before the engine loads (git/head-start.ts). Started from wherever the
 * guard runs, they must give the answers the engine would have got itself, fail the way the runner fails, and
 * leave no process behind.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HeadStart } from '../../src/git/head-start.js';
import { PROBE_OPTIONS, REPOSITORY_PROBE } from '../../src/git/repository.js';
import { GitRunner } from '../../src/git/run.js';
import {
  configPathspecs,
  INDEX_PATHS_LISTING,
  indexListing,
  parseRawDiff,
  siblingPathspecs,
  stagedListing,
  WHOLE_INDEX_LISTING,
} from '../../src/git/tree-entries.js';
import { startStagedCheck } from '../../src/engine/sources/git-head-start.js';
import { SUPPORT_FILES } from '../../src/engine/sources/index-scope.js';
import { addIndexFiller, BIN, isolatedEnv, makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { gitShim, type GitShim } from '../helpers/git-shim.js';

let repo: TestRepo;
let start: HeadStart | undefined;
let shim: GitShim | undefined;
afterEach(() => {
  start?.close();
  repo?.cleanup();
  shim?.cleanup();
  shim = undefined;
});

/** The git commands a run of the guard started, each as one line, sorted; a command run twice shows twice. */
function gitCommandsOf(cwd: string, args: string[]): { findings: string[]; commands: string[] } {
  shim = gitShim();
  const out = guardIn(cwd, [...args, '--format', 'json'], { PATH: shim.path });
  const commands = shim
    .commands()
    .map((c) => c.join(' '))
    .sort();
  shim.cleanup();
  shim = undefined;
  return { findings: findingsOf(out.stdout), commands };
}

function findingsOf(stdout: string): string[] {
  return (JSON.parse(stdout) as { findings: Array<{ path: string; ruleId: string }> }).findings.map((f) => `${f.path}:${f.ruleId}`);
}

const PROBE = REPOSITORY_PROBE.join(' ');
const BLOB_STREAM = '-c core.packedGitWindowSize=32m -c core.packedGitLimit=128m cat-file --batch';

const SOPS_CONFIG = 'creation_rules:\n  - path_regex: secrets/.*\\.yaml$\n    age: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\n';

function guardIn(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: isolatedEnv(env), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A committed .sops.yaml and encrypted twin (and `filler` more tracked files), then two staged leaks. */
function committedRepoWithStagedLeaks(filler = 0): TestRepo {
  const r = makeRepo();
  r.write('.sops.yaml', SOPS_CONFIG);
  r.write('app/other/.env.enc', 'sops_version=3.9.0\nsops_mac=x\nA=ENC[x]\n');
  r.git('add', '-A');
  if (filler > 0) addIndexFiller(r, filler);
  r.git('commit', '-qm', 'base', '--no-verify');
  r.write('app/secrets/db.yaml', 'password: not-encrypted\n');
  r.write('app/other/.env', 'A=decrypted-Zk8q9pLw2mX\n'); // the value its twin encrypts: a decrypted copy
  r.git('add', 'app');
  return r;
}

describe('git commands started ahead', () => {
  it('give a staged check run from a subdirectory the same answers as one run from the top level', () => {
    repo = committedRepoWithStagedLeaks();
    const fromTop = guardIn(repo.dir, ['check', '--format', 'json']);
    const fromInside = guardIn(join(repo.dir, 'app/other'), ['check', '--format', 'json']);
    expect(fromTop.status).toBe(1);
    const paths = (out: string) => (JSON.parse(out) as { findings: Array<{ path: string; ruleId: string }> }).findings.map((f) => `${f.path}:${f.ruleId}`);
    // .sops.yaml governs paths relative to its own directory, the twin lives next to the staged file: both need
    // listings from the top level, whatever the directory the commands were started in.
    expect(paths(fromTop.stdout)).toEqual(['app/other/.env:decrypted-twin', 'app/other/.env:plaintext-env-file', 'app/secrets/db.yaml:sops-unencrypted-file']);
    expect(paths(fromInside.stdout)).toEqual(paths(fromTop.stdout));
  });

  it('give a linked worktree, whose .git is a file and whose index lives elsewhere, its own staged files', () => {
    repo = committedRepoWithStagedLeaks();
    const worktree = `${repo.dir}-worktree`;
    try {
      repo.git('worktree', 'add', '-q', worktree);
      spawnSync('git', ['add', '-A'], { cwd: worktree, env: isolatedEnv() }); // nothing staged there yet
      const clean = guardIn(worktree, ['check']);
      expect(clean.status).toBe(0);
      mkdirSync(join(worktree, 'app/secrets'), { recursive: true });
      spawnSync('sh', ['-c', 'printf "password: not-encrypted\\n" > app/secrets/api.yaml && git add app'], { cwd: worktree, env: isolatedEnv() });
      const leak = guardIn(worktree, ['check', '--format', 'json']);
      expect(leak.status).toBe(1);
      expect((JSON.parse(leak.stdout) as { findings: Array<{ path: string }> }).findings.map((f) => f.path)).toEqual(['app/secrets/api.yaml']);
    } finally {
      rmSync(worktree, { recursive: true, force: true });
    }
  });

  it('are all a staged check needs in a small repository: each runs once, nothing runs after them', () => {
    repo = committedRepoWithStagedLeaks();
    const staged = gitCommandsOf(repo.dir, ['check']);
    expect(staged.findings).toEqual(['app/other/.env:decrypted-twin', 'app/other/.env:plaintext-env-file', 'app/secrets/db.yaml:sops-unencrypted-file']);
    // A command the plan asked for with other arguments than the started one would run a second time.
    expect(staged.commands).toEqual([BLOB_STREAM, stagedListing('HEAD').join(' '), WHOLE_INDEX_LISTING.join(' '), PROBE].sort());
  });

  it("cover a large index too: the configs at once, the staged files' directories as soon as they are known", () => {
    repo = committedRepoWithStagedLeaks(8_000);
    expect(statSync(join(repo.dir, '.git/index')).size).toBeGreaterThan(512 * 1024);
    const staged = gitCommandsOf(repo.dir, ['check']);
    expect(staged.findings).toEqual(['app/other/.env:decrypted-twin', 'app/other/.env:plaintext-env-file', 'app/secrets/db.yaml:sops-unencrypted-file']);
    const configs = indexListing(configPathspecs(SUPPORT_FILES)).join(' ');
    const siblings = indexListing(
      siblingPathspecs([
        { path: 'app/other/.env', oid: '', mode: '' },
        { path: 'app/secrets/db.yaml', oid: '', mode: '' },
      ]),
    ).join(' ');
    expect(staged.commands).toEqual([BLOB_STREAM, stagedListing('HEAD').join(' '), configs, siblings, PROBE].sort());
  });

  it("list the staged files' directories of a large index once diff-index answers, and nothing when nothing is staged", async () => {
    repo = committedRepoWithStagedLeaks(8_000);
    start = startStagedCheck(repo.dir, isolatedEnv());
    const staged = parseRawDiff((await start.take(stagedListing('HEAD')))!);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await start.take(indexListing(configPathspecs(SUPPORT_FILES)))).toMatch(/\.sops\.yaml/);
    expect(await start.take(indexListing(siblingPathspecs(staged)))).toMatch(/app\/other\/\.env\.enc/);
    start.close();
    repo.git('reset', '-q'); // nothing staged
    start = startStagedCheck(repo.dir, isolatedEnv());
    expect(await start.take(stagedListing('HEAD'))).toBe('');
    await new Promise((resolve) => setImmediate(resolve));
    // An ls-files without pathspecs would have listed all 8,000 entries for nothing.
    expect(start.take(indexListing([]))).toBeUndefined();
  });

  it("serve a check of named paths too (the pre-commit framework's way), from the top level or below it", () => {
    repo = committedRepoWithStagedLeaks();
    const named = gitCommandsOf(repo.dir, ['check', 'app/other/.env', 'app/secrets/db.yaml']);
    // The encrypted twin is found through the index listing started ahead.
    expect(named.findings).toEqual(['app/other/.env:decrypted-twin', 'app/other/.env:plaintext-env-file', 'app/secrets/db.yaml:sops-unencrypted-file']);
    expect(named.commands).toEqual([INDEX_PATHS_LISTING.join(' '), PROBE].sort());
    const below = guardIn(join(repo.dir, 'app/other'), ['check', '--format', 'json', '.env']);
    expect(findingsOf(below.stdout)).toEqual(['app/other/.env:decrypted-twin', 'app/other/.env:plaintext-env-file']);
  });

  it('are taken by exact arguments, once, and answer from the top level wherever they were started', async () => {
    repo = committedRepoWithStagedLeaks();
    const inside = join(repo.dir, 'app/other');
    mkdirSync(inside, { recursive: true });
    start = new HeadStart(GitRunner.forCaller(inside, isolatedEnv()));
    start.start(WHOLE_INDEX_LISTING);
    start.start(stagedListing('HEAD'));
    expect(start.take(stagedListing('HEAD~1'))).toBeUndefined();
    const listing = await start.take(WHOLE_INDEX_LISTING);
    expect(
      listing
        ?.split('\0')
        .filter(Boolean)
        .map((l) => l.split('\t')[1]),
    ).toEqual(['.sops.yaml', 'app/other/.env', 'app/other/.env.enc', 'app/secrets/db.yaml']);
    expect(start.take(WHOLE_INDEX_LISTING)).toBeUndefined();
    expect((await start.take(stagedListing('HEAD')))?.split('\0').filter((f) => !f.startsWith(':'))).toEqual(['app/other/.env', 'app/secrets/db.yaml', '']);
  });

  it('fail as the runner does: git complaining is an error, a silent non-zero exit an answer only to the probe', async () => {
    repo = makeRepo(); // no commit yet
    start = new HeadStart(GitRunner.forCaller(repo.dir, isolatedEnv()));
    start.start(REPOSITORY_PROBE, PROBE_OPTIONS);
    start.start(stagedListing('HEAD'));
    const probe = await start.take(REPOSITORY_PROBE);
    expect(probe?.split('\n').slice(0, 2)).toEqual(['true', 'false']); // inside a work tree, not bare; no HEAD printed
    expect(probe?.split('\n')[4]).toBe('');
    await expect(start.take(stagedListing('HEAD'))).rejects.toThrow(/HEAD/);
  });

  it('hand over a blob reader that serves the scan, and close one nobody took', async () => {
    repo = committedRepoWithStagedLeaks();
    start = new HeadStart(GitRunner.forCaller(repo.dir, isolatedEnv()));
    start.startBlobStream();
    const stream = start.takeBlobStream();
    expect(start.takeBlobStream()).toBeUndefined();
    const oid = repo.git('rev-parse', ':app/secrets/db.yaml').trim();
    expect((await stream!.read(oid)).bytes?.toString()).toBe('password: not-encrypted\n');
    stream!.close();
    // A second start that nobody takes: close() must end it, or the guard would wait for it forever.
    start.startBlobStream();
    start.close();
    expect(start.takeBlobStream()).toBeUndefined();
  });
});
