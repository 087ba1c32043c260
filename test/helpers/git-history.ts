/**
 * Histories for the range and push tests: commits of given files, a bare server whose pre-receive hook runs the
 * built guard, and the guard's pre-receive run by hand with chosen `<old> <new> <ref>` lines.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, isolatedEnv, makeRepo, type TestRepo } from './git-repo.js';

/** Writes (or, for null, removes) the files, stages everything and commits; returns the new commit's id. */
export function commitFiles(r: TestRepo, message: string, files: Record<string, string | null>): string {
  for (const [path, content] of Object.entries(files)) {
    if (content === null) r.git('rm', '-q', path);
    else r.write(path, content);
  }
  r.git('add', '-A');
  r.git('commit', '-qm', message, '--no-verify');
  return r.git('rev-parse', 'HEAD').trim();
}

/** A bare repository whose pre-receive hook is `secrets-guard pre-receive`, as the README installs it. */
export function bareServer(objectFormat: 'sha1' | 'sha256' = 'sha1'): TestRepo {
  const bare = makeRepo({ init: false });
  bare.git('init', '-q', '--bare', '--initial-branch', 'main', `--object-format=${objectFormat}`);
  const hook = join(bare.dir, 'hooks/pre-receive');
  writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" pre-receive\n`);
  chmodSync(hook, 0o755);
  return bare;
}

/** A work repository with `server` as its `origin`. */
export function devClone(server: TestRepo, objectFormat: 'sha1' | 'sha256' = 'sha1'): TestRepo {
  const dev = makeRepo({ init: false });
  dev.git('init', '-q', '--initial-branch', 'main', `--object-format=${objectFormat}`);
  dev.git('remote', 'add', 'origin', server.dir);
  return dev;
}

/** `secrets-guard pre-receive [args]` in `dir` with `lines` on standard input, as git runs it. */
export function preReceive(dir: string, lines: string, args: string[] = []): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'pre-receive', ...args], { cwd: dir, input: lines, encoding: 'utf8', env: isolatedEnv() });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFinding {
  readonly ruleId: string;
  readonly path: string;
  readonly line: number;
  readonly commit?: string;
}

export interface JsonReport {
  readonly findings: JsonFinding[];
  readonly summary: { readonly notes: string[]; readonly configChanges?: Array<{ path: string; commit: string; change: string }> };
}

export function jsonReport(text: string): JsonReport {
  return JSON.parse(text) as JsonReport;
}

/** `path ruleId` of each finding, for compact assertions. */
export function findingsOf(report: JsonReport): string[] {
  return report.findings.map((f) => `${f.path} ${f.ruleId}`);
}
