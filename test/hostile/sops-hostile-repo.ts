/**
 * What the hostile sops cases share: a real repository whose `.sops.yaml` covers `secrets/`, real MAC-valid sops
 * files (the published humphd/sops-age file and key, or the test encoder with a fresh age identity), and the built
 * CLI's JSON report reduced to what the cases assert.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

const fixture = (p: string): string => readFileSync(new URL(`../fixtures/sops/${p}`, import.meta.url), 'utf8');
export const AGE_YAML = fixture('humphd-sops-age/tests/data/secret.enc.yaml');
const AGE_KEY_FILE = new URL('../fixtures/sops/humphd-sops-age/key.txt', import.meta.url).pathname;
/** The humphd file's recipients; the first one's identity is AGE_KEY_FILE. */
export const RECIPIENTS = [
  'age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr',
  'age19j4d6v9j7rx5fs629fu387qz4zmlpsqjexa4s08tkfrrmfdl5cwqjlaupd',
  'age13runq29jhy9kfpaegczrzttykerswh0qprq59msgd754yermtfmsa3hwg2',
];
export const WITH_KEY: NodeJS.ProcessEnv = { SOPS_AGE_KEY_FILE: AGE_KEY_FILE };

/** A repository with a `.sops.yaml` that covers `secrets/` only, and `files` staged. */
export function sopsRepo(files: Record<string, string>): TestRepo {
  const repo = makeRepo();
  repo.write('.sops.yaml', `creation_rules:\n  - path_regex: ^secrets/\n    age: ${RECIPIENTS.join(',')}\n`);
  for (const [path, content] of Object.entries(files)) repo.write(path, content);
  repo.git('add', '-A');
  return repo;
}

export interface Checked {
  readonly status: number;
  readonly stdout: string;
  /** `path ruleId` of every finding. */
  readonly findings: readonly string[];
}

export function check(repo: TestRepo, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Checked {
  const out = repo.guard(['check', '--format', 'json', ...args], env);
  expect(out.stderr).toBe('');
  const report = JSON.parse(out.stdout) as { findings: Array<{ path: string; ruleId: string }> };
  return { status: out.status, stdout: out.stdout, findings: report.findings.map((f) => `${f.path} ${f.ruleId}`) };
}

/** The case blocks with the expected finding, and the report never shows the secret. */
export function expectBlocked(result: Checked, finding: string, secret: string): void {
  expect(result.findings).toContain(finding);
  expect(result.status).toBe(1);
  expect(result.stdout).not.toContain(secret);
}
