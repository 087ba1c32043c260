/**
 * A file the rules never read (binary, or over the size cap) is counted in the summary line of every format, not
 * only in JSON: a reader of any report learns that something went unchecked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { stageAndCheck, type Format, type Run } from '../helpers/every-format.js';
import { fake } from '../helpers/fake-tokens.js';
import type { TestRepo } from '../helpers/git-repo.js';

const COUNT = '2 file(s) skipped (1 binary, 1 over the size cap)';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]);

let repo: TestRepo;
afterEach(() => repo?.cleanup());

function repoWith(files: Record<string, string | Buffer>): Record<Format, Run> {
  const checked = stageAndCheck({ '.secrets-guard.yaml': 'maxFileSize: 1KiB\n', 'assets/logo.png': PNG, 'data/big.txt': 'x'.repeat(4096), ...files });
  repo = checked.repo;
  return checked.runs;
}

/** The summary line: the last line of github output, the ✔/✖ line of stylish (hints on a blocked commit follow it). */
const lastLine = (text: string): string => text.split('\n').find((line) => /^[✔✖]/.test(line)) ?? text.trimEnd().split('\n').pop()!;

function expectCountedEverywhere(runs: Record<Format, Run>): void {
  expect(lastLine(runs.stylish.stdout)).toContain(COUNT);
  expect(lastLine(runs.github.stdout)).toContain(COUNT);
  const json = JSON.parse(runs.json.stdout);
  expect(json.summary.filesSkipped).toBe(2);
  expect(json.skipped.map((s: { path: string; kind: string }) => `${s.path} ${s.kind}`)).toEqual(['assets/logo.png binary', 'data/big.txt too-large']);
  const [invocation] = JSON.parse(runs.sarif.stdout).runs[0].invocations;
  const notifications = invocation.toolExecutionNotifications;
  expect(notifications[0].message.text).toContain(COUNT);
  const skippedAt = notifications
    .slice(1)
    .map((n: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => n.locations[0]!.physicalLocation.artifactLocation.uri);
  expect(skippedAt).toEqual(['assets/logo.png', 'data/big.txt']);
}

describe('skipped files in the summary line of every format', () => {
  it('on a clean check', () => {
    const runs = repoWith({ 'README.md': '# docs\n' });
    for (const run of Object.values(runs)) expect(run.status).toBe(0);
    expect(lastLine(runs.stylish.stdout)).toMatch(/^✔ no secrets found in 2 file\(s\); /);
    expectCountedEverywhere(runs);
  });

  it('on a check with findings', () => {
    const runs = repoWith({ 'deploy.sh': `export GITHUB_TOKEN=${fake.github(31)}\n` });
    for (const run of Object.values(runs)) expect(run.status).toBe(1);
    expect(lastLine(runs.stylish.stdout)).toMatch(/^✖ 1 problem\(s\) .* in 2 file\(s\) scanned; /);
    expectCountedEverywhere(runs);
  });
});
