/**
 * git never needs the age key, and whatever git starts (hooks, filters, fsmonitor, credential helpers) must not
 * inherit it: no SOPS_* variable reaches a git child, whatever the command (started ahead by a staged check, run
 * at the top level, the blob stream, a command fed on stdin). A `git` earlier on PATH records the environment of
 * every invocation.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitShim, type GitShim } from '../helpers/git-shim.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { countingKeyCommand, macMismatchFile, PUBLISHED_IDENTITY, SOPS_YAML, type CountingKeyCommand } from '../helpers/published-age-key.js';

let repo: TestRepo;
let shim: GitShim;
let keyCommand: CountingKeyCommand;
let keysDir: string;
afterEach(() => {
  repo?.cleanup();
  keyCommand?.cleanup();
  shim?.cleanup();
  rmSync(keysDir, { recursive: true, force: true });
});

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

    shim = gitShim();
    keyCommand = countingKeyCommand();
    keysDir = mkdtempSync(join(tmpdir(), 'sg-age-keys-'));
    const keysFile = join(keysDir, 'keys.txt');
    writeFileSync(keysFile, `${PUBLISHED_IDENTITY}\n`);
    const env = { PATH: shim.path, SOPS_AGE_KEY: PUBLISHED_IDENTITY, SOPS_AGE_KEY_CMD: keyCommand.command, SOPS_AGE_KEY_FILE: keysFile };
    for (const args of [['check'], ['check', '--all'], ['check', '--range', 'HEAD~1..HEAD']]) {
      const out = repo.guard([...args, '--format', 'json'], env);
      expect(out.status, `${args.join(' ')}: ${out.stderr}`).toBe(1);
      expect(out.stdout).toMatch(/sops-mac-mismatch/); // the key did reach the guard itself
    }
    const seen = shim.environments();
    expect(seen.length).toBeGreaterThan(3);
    for (const environment of seen) {
      expect(environment).toMatch(/^PATH=/m);
      expect(environment).not.toMatch(/^SOPS_/m);
      expect(environment).not.toContain(PUBLISHED_IDENTITY);
    }
  });
});
