/**
 * Runs one check through the built CLI in every report format, and reads back which findings each format shows,
 * so a hostile case can assert the same thing of stylish, json, sarif and github output alike.
 */
import { expect } from 'vitest';
import { makeRepo, type TestRepo } from './git-repo.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];
export interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

function guardEveryFormat(repo: TestRepo, args: readonly string[] = ['check'], env: NodeJS.ProcessEnv = {}): Record<Format, Run> {
  return Object.fromEntries(FORMATS.map((format) => [format, repo.guard([...args, '--format', format], env)])) as Record<Format, Run>;
}

/** A fresh repository with `files` staged, checked in every format; clean it up with `repo.cleanup()`. */
export function stageAndCheck(files: Record<string, string | Buffer>, args?: readonly string[]): { repo: TestRepo; runs: Record<Format, Run> } {
  const repo = makeRepo();
  for (const [path, content] of Object.entries(files)) repo.write(path, content);
  repo.git('add', '.');
  return { repo, runs: guardEveryFormat(repo, args) };
}

const unescapeProperty = (s: string): string => s.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');

/** `path ruleId` of every finding a format shows (stylish and github paths as printed, escapes and all). */
export function findingsIn(format: Format, stdout: string): string[] {
  if (format === 'json') return JSON.parse(stdout).findings.map((f: { path: string; ruleId: string }) => `${f.path} ${f.ruleId}`);
  if (format === 'sarif') {
    return JSON.parse(stdout).runs[0].results.map(
      (r: { ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
        `${decodeURI(r.locations[0]!.physicalLocation.artifactLocation.uri)} ${r.ruleId}`,
    );
  }
  if (format === 'github') {
    return [...stdout.matchAll(/^::(?:error|warning) file=([^,]*),.*?,title=([^:]*)::/gm)].map(
      (m) => `${unescapeProperty(m[1]!)} ${unescapeProperty(m[2]!).replace(/^secrets-guard /, '')}`,
    );
  }
  const found: string[] = [];
  let file = '';
  for (const line of stdout.split('\n')) {
    if (/^[✔✖]/.test(line)) break; // the summary line; hints on how to allow or bypass may follow it
    if (line.startsWith('  ') && file !== '') found.push(`${file} ${line.trim().split(/\s+/).pop()}`);
    else if (line !== '' && !/^(?:note:|✔|✖)/.test(line)) file = line;
  }
  return found;
}

/** Each format exits 1 and shows `path ruleId` among its findings. */
export function expectFindingEverywhere(runs: Record<Format, Run>, path: string, ruleId: string): void {
  for (const format of FORMATS) {
    expect(runs[format].status, `${format}: ${runs[format].stderr}`).toBe(1);
    expect(findingsIn(format, runs[format].stdout), format).toContain(`${path} ${ruleId}`);
  }
}

/**
 * Neither stdout nor stderr of any format holds `secret`, nor any `window` characters of it in a row: a report may
 * show a short prefix (`ghp_****`), never a recognisable piece. Pass the random part of a token, without a prefix
 * every such token shares.
 */
export function expectNoPieceOf(runs: Record<Format, Run>, secret: string, window = 8): void {
  for (const format of FORMATS) {
    const text = runs[format].stdout + runs[format].stderr;
    expect(text, format).not.toContain(secret);
    for (let i = 0; i + window <= secret.length; i++) expect(text, `${format}: a piece of the secret at ${i}`).not.toContain(secret.slice(i, i + window));
  }
}
