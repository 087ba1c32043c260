/**
 * The GitHub Action (action.yml): its shape as a composite action, and its check step (scripts/action-check.sh)
 * run as the runner would run it, with the environment the step's `env:` sets from a pull request or push event,
 * on a real repository: annotations on the diff, the SARIF file for code scanning, the exit code and output.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv, makeRepo, PROJECT_ROOT, type TestRepo } from '../helpers/git-repo.js';
import { githubSarifViolations } from '../helpers/sarif-github-rules.js';

const SCRIPT = join(PROJECT_ROOT, 'scripts/action-check.sh');
const ZERO = '0'.repeat(40);
let repo: TestRepo;
let out: string;
let base: string;
let head: string;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'sg-action-'));
  repo = makeRepo();
  repo.write('README.md', '# app\n');
  repo.git('add', '.');
  repo.git('commit', '-q', '-m', 'base');
  base = repo.git('rev-parse', 'HEAD').trim();
  repo.write('app/.env', 'DB_PASSWORD=prod-Zk8q9pLw2mX\n');
  repo.git('add', '.');
  repo.git('commit', '-q', '-m', 'leak');
  repo.git('rm', '-q', 'app/.env'); // deleted again in the pull request: still in its history
  repo.git('commit', '-q', '-m', 'remove it');
  head = repo.git('rev-parse', 'HEAD').trim();
});
afterAll(() => {
  repo.cleanup();
  rmSync(out, { recursive: true, force: true });
});

/** The check step, with what action.yml's `env:` and the runner would set. */
function checkStep(env: Record<string, string>): { status: number; stdout: string; stderr: string; output: string } {
  const githubOutput = join(out, `output-${Math.random().toString(36).slice(2)}`);
  const r = spawnSync('bash', [SCRIPT], {
    cwd: repo.dir,
    env: isolatedEnv({
      GITHUB_ACTION_PATH: PROJECT_ROOT,
      GITHUB_OUTPUT: githubOutput,
      GITHUB_SHA: head,
      INPUT_BASE: '',
      INPUT_HEAD: '',
      INPUT_SARIF_FILE: '',
      INPUT_ARGS: '',
      ...env,
    }),
    encoding: 'utf8',
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, output: existsSync(githubOutput) ? readFileSync(githubOutput, 'utf8') : '' };
}

describe('action.yml', () => {
  const action = parse(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8'));

  it('is a composite action whose run steps name their shell and pass the inputs the script reads', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['base', 'head', 'sarif-file', 'args', 'node-version']);
    for (const [name, input] of Object.entries<{ description: string; required: boolean }>(action.inputs)) {
      expect(input.description, name).toMatch(/\w/);
      expect(input.required, name).toBe(false);
    }
    const runSteps = action.runs.steps.filter((s: { run?: string }) => s.run);
    for (const step of runSteps) expect(step.shell, step.name).toBe('bash');
    const check = action.runs.steps.find((s: { id?: string }) => s.id === 'check');
    expect(check.run).toContain('$GITHUB_ACTION_PATH/scripts/action-check.sh');
    const script = readFileSync(SCRIPT, 'utf8');
    for (const variable of Object.keys(check.env)) expect(script, variable).toContain(variable);
    expect(action.outputs['exit-code'].value).toBe('${{ steps.check.outputs.exit-code }}');
  });
});

describe('the action on a pull request', () => {
  it('annotates a secret added and removed within the range, writes SARIF for code scanning, fails with 1', () => {
    const sarif = join(out, 'pr.sarif');
    const r = checkStep({ GITHUB_EVENT_NAME: 'pull_request', EVENT_PR_BASE: base, EVENT_PR_HEAD: head, INPUT_SARIF_FILE: sarif });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /^::error file=app\/\.env,line=1,col=13,endLine=1,endColumn=\d+,title=secrets-guard plaintext-env-file::plaintext env file .*\(commit [0-9a-f]{12}\)$/m,
    );
    expect(r.stdout).not.toContain('prod-Zk8q9pLw2mX');
    expect(r.status).toBe(1);
    expect(r.output).toBe('exit-code=1\n');
    const log = JSON.parse(readFileSync(sarif, 'utf8'));
    expect(githubSarifViolations(log)).toEqual([]);
    expect(log.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['plaintext-env-file']);
  });

  it('passes a clean range with exit 0, and the inputs override the event', () => {
    const r = checkStep({ GITHUB_EVENT_NAME: 'pull_request', EVENT_PR_BASE: base, EVENT_PR_HEAD: head, INPUT_BASE: `${head}~1`, INPUT_HEAD: head });
    expect(r.stdout).not.toMatch(/^::error/m);
    expect(r.stdout).toMatch(/secrets-guard: 0 error\(s\)/);
    expect(r.status).toBe(0);
    expect(r.output).toBe('exit-code=0\n');
  });

  it('on a push that creates a branch (no previous commit), checks every tracked file', () => {
    repo.write('deploy/terraform.tfstate', '{}');
    repo.git('add', '.');
    repo.git('commit', '-q', '-m', 'state');
    const r = checkStep({ GITHUB_EVENT_NAME: 'push', EVENT_BEFORE: ZERO, GITHUB_SHA: repo.git('rev-parse', 'HEAD').trim() });
    expect(r.stdout).toMatch(/^secrets-guard: no base commit .*checking every tracked file$/m);
    expect(r.stdout).toMatch(/^::error file=deploy\/terraform\.tfstate,.*title=secrets-guard terraform-state::/m);
    expect(r.status).toBe(1);
  });

  it('fails closed (exit 2) when the base is not in the clone', () => {
    const r = checkStep({
      GITHUB_EVENT_NAME: 'pull_request',
      EVENT_PR_BASE: 'f'.repeat(40),
      EVENT_PR_HEAD: head,
      INPUT_SARIF_FILE: join(out, 'missing.sarif'),
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^secrets-guard: /m);
    expect(r.output).toBe('exit-code=2\n');
  });
});
