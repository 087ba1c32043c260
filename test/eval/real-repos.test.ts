/**
 * The real-repository mode of `npm run eval` (scripts/eval-real-repos.mjs): how findings are judged against the
 * verdicts, and that the corpus and verdict files are consistent data. The clones themselves are not needed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/git-repo.js';

interface Finding {
  ruleId: string;
  severity: string;
  path: string;
  line: number;
}
interface VerdictGroup {
  rule: string;
  verdict: boolean;
  reason: string;
  paths: string[];
}
type Verdicts = Map<string, { verdict: boolean; reason: string }>;
interface RealRepos {
  judge(repo: string, findings: Finding[], verdicts: Verdicts): { counts: Record<string, number>; listed: string[]; lost: string[] };
  verdictIndex(byRepo: Record<string, VerdictGroup[]>): Verdicts;
  realReposDir(argv: string[], env: Record<string, string | undefined>): string | undefined;
}

const script = (await import(pathToFileURL(join(PROJECT_ROOT, 'scripts/eval-real-repos.mjs')).href)) as RealRepos;
const readJson = (path: string) => JSON.parse(readFileSync(join(PROJECT_ROOT, path), 'utf8'));

describe('judging one repository', () => {
  const verdicts = script.verdictIndex({
    'o/r': [
      { rule: 'private-key', verdict: true, reason: 'a key', paths: ['k.pem', 'gone.pem'] },
      { rule: 'sops-unencrypted-file', verdict: false, reason: 'catch-all', paths: ['README.md'] },
      { rule: 'high-entropy-string', verdict: true, reason: 'a token', paths: ['.env'] },
    ],
    'o/other': [{ rule: 'private-key', verdict: true, reason: 'elsewhere', paths: ['x.pem'] }],
  });
  const finding = (ruleId: string, path: string, severity = 'error'): Finding => ({ ruleId, path, severity, line: 1 });

  it('splits errors into true, false and unlabelled, line-insensitively, and counts entropy warnings', () => {
    const { counts, listed } = script.judge(
      'o/r',
      [
        finding('private-key', 'k.pem'),
        { ...finding('private-key', 'k.pem'), line: 9 },
        finding('sops-unencrypted-file', 'README.md'),
        finding('sops-metadata', 'a.yaml'),
        finding('high-entropy-string', '.env', 'warning'),
        finding('high-entropy-string', 'b.nix', 'warning'),
        finding('sops-rule-drift', 'c.yaml', 'warning'),
      ],
      verdicts,
    );
    expect(counts).toEqual({ errors: 4, true: 2, false: 1, unlabelled: 1, entropy: 2, entropyTrue: 1 });
    expect(listed).toEqual([
      'o/r README.md:1 sops-unencrypted-file (false: catch-all)',
      'o/r a.yaml:1 sops-metadata (unlabelled)',
      'o/r .env:1 high-entropy-string (warning, true: a token)',
      'o/r b.nix:1 high-entropy-string (warning, unlabelled)',
    ]);
  });

  it("lists the repository's true findings that no longer fire, and only its own", () => {
    const { lost } = script.judge('o/r', [finding('private-key', 'k.pem')], verdicts);
    expect(lost).toEqual(['o/r gone.pem private-key', 'o/r .env high-entropy-string']);
  });

  it("keeps a true finding another secret detector's error now reports in its file (one finding per secret), not a sops one", () => {
    const { lost } = script.judge(
      'o/r',
      [finding('private-key', 'k.pem'), finding('generic-credential', '.env'), finding('high-entropy-string', 'gone.pem', 'warning')],
      verdicts,
    );
    expect(lost).toEqual(['o/r gone.pem private-key']); // a warning keeps no error
    const sops = script.verdictIndex({ 'o/r': [{ rule: 'sops-mac-mismatch', verdict: true, reason: 'tampered', paths: ['s.yaml'] }] });
    expect(script.judge('o/r', [finding('generic-credential', 's.yaml')], sops).lost).toEqual(['o/r s.yaml sops-mac-mismatch']);
  });

  it('takes the clones from --real-repos, else from SECRETS_GUARD_REAL_REPOS', () => {
    expect(script.realReposDir(['--real-repos', '/a'], { SECRETS_GUARD_REAL_REPOS: '/b' })).toBe('/a');
    expect(script.realReposDir([], { SECRETS_GUARD_REAL_REPOS: '/b' })).toBe('/b');
    expect(script.realReposDir([], {})).toBeUndefined();
  });
});

describe('the corpus and its verdicts', () => {
  const repos = readJson('eval/real-repos.json').repos as Array<{ name: string; url: string; commit: string }>;
  const verdicts = readJson('eval/real-verdicts.json').verdicts as Record<string, VerdictGroup[]>;

  it('pins at least 15 public repositories at a commit', () => {
    expect(repos.length).toBeGreaterThanOrEqual(15);
    expect(new Set(repos.map((r) => r.name)).size).toBe(repos.length);
    for (const r of repos) {
      expect(r.url).toBe(`https://github.com/${r.name}`);
      expect(r.commit).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it('judges each repository, path and rule once, with a reason, for repositories of the corpus', () => {
    const seen = new Set<string>();
    for (const [repo, groups] of Object.entries(verdicts)) {
      expect(repos.map((r) => r.name)).toContain(repo);
      for (const g of groups) {
        expect(typeof g.verdict).toBe('boolean');
        expect(g.reason.length).toBeGreaterThan(10);
        expect(g.paths.length).toBeGreaterThan(0);
        for (const path of g.paths) {
          const key = `${repo} ${path} ${g.rule}`;
          expect(seen.has(key), key).toBe(false);
          seen.add(key);
        }
      }
    }
  });
});
