/**
 * Hostile: `maxFileSize: "0.4"` came to a cap of 0 bytes, so every file was skipped with a note and a committed
 * token passed with exit 0. A size that is not at least one whole byte is a configuration error (exit 2) naming the
 * key, in `.secrets-guard.yaml` and on the command line; the sizes people write keep working.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fake } from '../helpers/fake-tokens.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

function leakWithConfig(config?: string): TestRepo {
  const r = makeRepo();
  r.write('deploy/notes.txt', `token: ${fake.github()}\n`);
  if (config !== undefined) r.write('.secrets-guard.yaml', config);
  r.git('add', '-A');
  return r;
}

function expectConfigError(out: { status: number; stdout: string; stderr: string }, key: RegExp): void {
  expect(out.status, out.stdout + out.stderr).toBe(2);
  expect(out.stderr.trim().split('\n')).toHaveLength(1);
  expect(out.stderr).toMatch(key);
  expect(out.stdout).toBe('');
}

describe('maxFileSize that is not a positive size', () => {
  const rejected = [
    '"0.4"',
    '0',
    '-5',
    '"0"',
    '"0.0001KB"',
    '"-1MB"',
    '.nan',
    '.inf',
    '1.5',
    '"NaN"',
    '"5 parsecs"',
    '"1e3"',
    '""',
    '"12 MiB MiB"',
    '99999999999999999999',
  ];
  for (const value of rejected) {
    it(`maxFileSize: ${value} in .secrets-guard.yaml is exit 2 naming the key`, () => {
      repo = leakWithConfig(`maxFileSize: ${value}\n`);
      expectConfigError(repo.guard(['check']), /^secrets-guard: \.secrets-guard\.yaml: maxFileSize: expected a positive size/);
    });
  }

  for (const value of ['0.4', '0', '-1', '0.1B', 'lots', '']) {
    it(`--max-file-size=${value} is exit 2 naming the option`, () => {
      repo = leakWithConfig();
      expectConfigError(repo.guard(['check', `--max-file-size=${value}`]), /^secrets-guard: command line: --max-file-size: expected a positive size/);
    });
  }

  for (const value of ['1MB', '512KiB', '0.5MB', '1000000', '"64 kB"']) {
    it(`maxFileSize: ${value} is a cap, and the token is still found`, () => {
      repo = leakWithConfig(`maxFileSize: ${value}\n`);
      const out = repo.guard(['check']);
      expect(out.status, out.stderr).toBe(1);
      expect(out.stdout).toMatch(/github/i);
    });
  }
});
