/**
 * The big-repository mode of `npm run eval` (scripts/eval-big-repos.mjs): the repositories without secrets are
 * pinned data with judged errors, and test fixtures are told apart by path. The clones themselves are not needed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/git-repo.js';

interface BigRepos {
  TEST_PATH: RegExp;
  bigReposDir(argv: string[], env: Record<string, string | undefined>): string | undefined;
}
interface BigReposFile {
  repos: Array<{ name: string; url: string; commit: string; local_commit?: string }>;
  verdicts: Record<string, Array<{ rule: string; verdict: boolean; reason: string; paths: string[] }>>;
}

const script = (await import(pathToFileURL(join(PROJECT_ROOT, 'scripts/eval-big-repos.mjs')).href)) as BigRepos;
const data = JSON.parse(readFileSync(join(PROJECT_ROOT, 'eval/big-repos.json'), 'utf8')) as BigReposFile;

describe('big repositories without secrets', () => {
  it('pins terraform, prometheus and kubernetes/examples at a commit', () => {
    expect(data.repos.map((r) => r.name)).toEqual(['hashicorp/terraform', 'prometheus/prometheus', 'kubernetes/examples']);
    for (const r of data.repos) {
      expect(r.url).toBe(`https://github.com/${r.name}`);
      expect(r.commit).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it('judges errors of its repositories only, each path and rule once, with a reason', () => {
    const seen = new Set<string>();
    for (const [repo, groups] of Object.entries(data.verdicts)) {
      expect(data.repos.map((r) => r.name)).toContain(repo);
      for (const g of groups) {
        expect(g.reason.length).toBeGreaterThan(10);
        for (const p of g.paths) {
          const key = `${repo} ${p} ${g.rule}`;
          expect(seen.has(key), key).toBe(false);
          seen.add(key);
        }
      }
    }
  });

  it('tells test fixtures apart by path', () => {
    for (const p of ['tsdb/testdata/x.json', 'internal/command/testing/a.tf', 'web/ui/src/App.test.tsx', 'cmd/main_test.go', 'test/fixtures/a.yaml'])
      expect(script.TEST_PATH.test(p), p).toBe(true);
    for (const p of ['_archived/volumes/scaleio/secret.yaml', 'web/ui/react-app/.env', 'docs/testimonials.md', 'latest/main.go'])
      expect(script.TEST_PATH.test(p), p).toBe(false);
  });

  it('takes the clones from --big-repos, else from SECRETS_GUARD_BIG_REPOS', () => {
    expect(script.bigReposDir(['--big-repos', '/a'], { SECRETS_GUARD_BIG_REPOS: '/b' })).toBe('/a');
    expect(script.bigReposDir([], { SECRETS_GUARD_BIG_REPOS: '/b' })).toBe('/b');
    expect(script.bigReposDir([], {})).toBeUndefined();
  });
});
