/**
 * The repository's own workflows (.github/workflows): they parse, run on the events they must, and carry the
 * steps a release and the CI depend on. A shape check, not a run: GitHub runs them.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/git-repo.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[]; strategy?: { matrix: Record<string, unknown[]> } }>;
}

const workflow = (name: string): Workflow => parse(readFileSync(join(PROJECT_ROOT, '.github/workflows', name), 'utf8'));
const runs = (w: Workflow): string[] => Object.values(w.jobs).flatMap((job) => job.steps.map((s) => s.run ?? '').filter(Boolean));
const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('release.yml', () => {
  const release = workflow('release.yml');

  it('runs on v* tags with the id-token npm provenance needs', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    expect(release.permissions).toMatchObject({ 'id-token': 'write' });
  });

  it('tests, packs and publishes with provenance, in that order, after checking the tag against package.json', () => {
    const commands = runs(release);
    const at = (pattern: RegExp) => commands.findIndex((c) => pattern.test(c));
    const order = [/package\.json.*GITHUB_REF_NAME/s, /^npm ci$/, /^npm test$/, /^npm pack$/, /^npm publish --provenance --access public$/];
    const positions = order.map(at);
    expect(
      positions.every((p) => p >= 0),
      JSON.stringify(commands),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const publish = Object.values(release.jobs)[0]!.steps.find((s) => s.run?.startsWith('npm publish'))!;
    expect(publish.env?.NODE_AUTH_TOKEN).toBe('${{ secrets.NPM_TOKEN }}');
    const node = Object.values(release.jobs)[0]!.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!;
    expect(node.with?.['registry-url']).toBe('https://registry.npmjs.org');
  });
});

describe('ci.yml', () => {
  const ci = workflow('ci.yml');

  it('runs on pushes and pull requests, on Node 22 and 24, through .ci/run', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    const job = Object.values(ci.jobs)[0]!;
    expect(job.strategy?.matrix.node).toEqual([22, 24]);
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe('${{ matrix.node }}');
    expect(runs(ci)).toContain('bash .ci/run');
  });

  it('lints: npm test, which .ci/run runs, runs the lint script before the tests', () => {
    expect(pkg.scripts.lint).toBeTruthy();
    expect(pkg.scripts.test).toMatch(/npm run lint && vitest run$/);
  });
});

describe('.ci/run', () => {
  it("runs exactly the README's test command, as its last command", () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));
    const testCommand = /^(npm test\b[^#\n]*?)\s*#/m.exec(quickStart)?.[1];
    const commands = readFileSync(join(PROJECT_ROOT, '.ci/run'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.trim().startsWith('#'));
    expect(testCommand).toBe('npm test');
    expect(commands.at(-1)).toBe(testCommand);
  });
});

describe("the quick start's main job", () => {
  it('checks every tracked file of this repository and finds nothing (exit 0)', () => {
    const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'dist/bundle/bin.js'), 'check', '--all', '--format', 'json'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
    const findings = run.status === 1 ? (JSON.parse(run.stdout) as { findings: Array<{ path: string; line: number; ruleId: string }> }).findings : [];
    expect(findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`)).toEqual([]);
    expect(run.status, run.stderr).toBe(0);
  });
});
