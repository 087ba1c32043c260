/**
 * A `git` earlier on PATH that records every invocation (its arguments and its environment) and then runs the real
 * git. The guard starts git by name, so PATH decides which one runs.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GitShim {
  /** PATH with the shim first. */
  readonly path: string;
  /** The arguments of every invocation so far, in no particular order. */
  commands(): string[][];
  /** The environment (`env` output) of every invocation so far. */
  environments(): string[];
  cleanup(): void;
}

export function gitShim(): GitShim {
  const dir = mkdtempSync(join(tmpdir(), 'sg-git-shim-'));
  const bin = join(dir, 'bin');
  const logs = join(dir, 'logs');
  mkdirSync(bin);
  mkdirSync(logs);
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  writeFileSync(join(bin, 'git'), `#!/bin/sh\nenv > '${logs}'/env.$$\nprintf '%s\\0' "$@" > '${logs}'/args.$$\nexec '${realGit}' "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  const read = (prefix: string) =>
    readdirSync(logs)
      .filter((name) => name.startsWith(prefix))
      .map((name) => readFileSync(join(logs, name), 'utf8'));
  return {
    path: `${bin}:${process.env.PATH}`,
    commands: () => read('args.').map((text) => text.split('\0').slice(0, -1)),
    environments: () => read('env.'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
