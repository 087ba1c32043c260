/**
 * git never needs the age key, and whatever git starts (hooks, filters, fsmonitor, credential helpers) must not
 * inherit it: no SOPS_* variable reaches a git child, whichever way the guard starts git (the head start of a
 * staged check, simple-git, the blob stream, a command fed on stdin). A `git` earlier on PATH records the
 * environment of every invocation (the guard starts git by name, so PATH decides which one runs).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { countingKeyCommand, macMismatchFile, PUBLISHED_IDENTITY, SOPS_YAML, type CountingKeyCommand } from '../helpers/published-age-key.js';

let repo: TestRepo;
let shim: string;
let keyCommand: CountingKeyCommand;
afterEach(() => {
  repo?.cleanup();
  keyCommand?.cleanup();
  rmSync(shim, { recursive: true, force: true });
});

/** A directory holding a `git` that writes its environment to `logs/` and then runs the real git. */
function gitShim(): { bin: string; logs: string } {
  shim = mkdtempSync(join(tmpdir(), 'sg-git-shim-'));
  const bin = join(shim, 'bin');
  const logs = join(shim, 'logs');
  mkdirSync(bin);
  mkdirSync(logs);
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  writeFileSync(join(bin, 'git'), `#!/bin/sh\nenv > '${logs}'/env.$$\nexec '${realGit}' "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  return { bin, logs };
}

describe('git child processes', () => {
  it('never receive SOPS_AGE_KEY, SOPS_AGE_KEY_FILE or SOPS_AGE_KEY_CMD, in staged, --all and --range checks', async () => {
    repo = makeRepo();
    repo.write('.sops.yaml', SOPS_YAML);
    repo.write('README.md', '# app\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'base', '--no-verify');
    repo.write('secrets/app.yaml', await macMismatchFile());
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'sops', '--no-verify');
    repo.write('secrets/staged.yaml', await macMismatchFile());
    repo.git('add', '-A');

    const { bin, logs } = gitShim();
    keyCommand = countingKeyCommand();
    const keysFile = join(shim, 'keys.txt');
    writeFileSync(keysFile, `${PUBLISHED_IDENTITY}\n`);
    const env = { PATH: `${bin}:${process.env.PATH}`, SOPS_AGE_KEY: PUBLISHED_IDENTITY, SOPS_AGE_KEY_CMD: keyCommand.command, SOPS_AGE_KEY_FILE: keysFile };
    for (const args of [['check'], ['check', '--all'], ['check', '--range', 'HEAD~1..HEAD']]) {
      const out = repo.guard([...args, '--format', 'json'], env);
      expect(out.status, `${args.join(' ')}: ${out.stderr}`).toBe(1);
      expect(out.stdout).toMatch(/sops-mac-mismatch/); // the key did reach the guard itself
    }
    const seen = readdirSync(logs).map((name) => readFileSync(join(logs, name), 'utf8'));
    expect(seen.length).toBeGreaterThan(3);
    for (const environment of seen) {
      expect(environment).toMatch(/^PATH=/m);
      expect(environment).not.toMatch(/^SOPS_/m);
      expect(environment).not.toContain(PUBLISHED_IDENTITY);
    }
  });
});
