/** Adopting the guard on a repository with findings: baseline, check skipping accepted findings, pruning. */
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

const PASSWORD = 'prod-Zk8q9pLw2mXv';
const json = (r: { stdout: string }) => JSON.parse(r.stdout);

function legacyRepo(): TestRepo {
  const r = makeRepo();
  r.write('svc/.env', `DB_PASSWORD=${PASSWORD}\n`);
  r.write('infra/terraform.tfstate', '{"version": 4}');
  r.write('README.md', '# legacy\n');
  r.git('add', '-A');
  r.git('commit', '-qm', 'legacy', '--no-verify');
  return r;
}

describe('baseline', () => {
  it('accepts existing findings without storing secrets or lines; check then skips them, even after lines move', () => {
    repo = legacyRepo();
    expect(repo.guard(['check', '--all']).status).toBe(1);
    const made = repo.guard(['baseline']);
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/wrote \.secrets-guard-baseline\.json: 2 entries \(2 added\)/);
    const text = repo.read('.secrets-guard-baseline.json');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toMatch(/"line"/);
    const file = JSON.parse(text);
    expect(file.entries.map((e: { ruleId: string; path: string }) => `${e.path} ${e.ruleId}`)).toEqual([
      'infra/terraform.tfstate terraform-state',
      'svc/.env plaintext-env-file',
    ]);

    repo.git('add', '.secrets-guard-baseline.json');
    const all = repo.guard(['check', '--all', '--format', 'json']);
    expect(all.status).toBe(0);
    expect(json(all).summary.notes).toContain('2 finding(s) accepted by the baseline');

    repo.write('svc/.env', `# moved down\n\nDB_PASSWORD=${PASSWORD}\n`);
    repo.git('add', 'svc/.env');
    expect(repo.guard(['check']).status).toBe(0);

    repo.write('svc/.env', `DB_PASSWORD=${PASSWORD}-rotated\n`);
    repo.git('add', 'svc/.env');
    const changed = repo.guard(['check', '--format', 'json']);
    expect(changed.status).toBe(1);
    expect(json(changed).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['plaintext-env-file']);
  });

  it('reports stale entries after a full scan and prunes them', () => {
    repo = legacyRepo();
    repo.guard(['baseline']);
    repo.git('rm', '-q', 'infra/terraform.tfstate');
    repo.git('add', '.secrets-guard-baseline.json');
    const all = repo.guard(['check', '--all', '--format', 'json']);
    expect(all.status).toBe(0);
    expect(json(all).summary.notes).toContain('1 baseline entry no longer matches anything: run `secrets-guard baseline --prune`');
    const pruned = repo.guard(['baseline', '--prune']);
    expect(pruned.stdout).toMatch(/1 entry \(1 pruned\)/);
    expect(JSON.parse(repo.read('.secrets-guard-baseline.json')).entries).toHaveLength(1);
  });

  it('a baseline on disk that the index does not hold as it is is named in a note, in staged mode', () => {
    repo = legacyRepo();
    repo.write('svc/.env', `DB_PASSWORD=${PASSWORD}\nAPI=1\n`);
    repo.git('add', 'svc/.env');
    expect(repo.guard(['baseline']).status).toBe(0); // written, not staged
    const unstaged = repo.guard(['check', '--format', 'json']);
    expect(unstaged.status).toBe(1);
    expect(json(unstaged).summary.notes).toContain(
      '.secrets-guard-baseline.json is on disk but not staged: it was not used (the check reads the index); stage it with git add to use it',
    );

    repo.git('add', '.secrets-guard-baseline.json');
    const staged = repo.guard(['check', '--format', 'json']);
    expect(staged.status).toBe(0);
    expect(json(staged).summary.notes.filter((n: string) => n.includes('staged'))).toEqual([]);

    repo.write('.secrets-guard-baseline.json', repo.read('.secrets-guard-baseline.json').replace('"entries": [', '"entries": [ '));
    const changed = repo.guard(['check', '--format', 'json']);
    expect(json(changed).summary.notes).toContain(
      '.secrets-guard-baseline.json has changes that are not staged: the staged version was used (the check reads the index); stage it with git add to use it',
    );
  });

  it('--dry-run says what the baseline would hold and writes nothing', () => {
    repo = legacyRepo();
    const dry = repo.guard(['baseline', '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toBe('would write .secrets-guard-baseline.json: 2 entries (2 added); nothing written (--dry-run)\n');
    expect(repo.tryGit('ls-files', '--others', '--exclude-standard').stdout).toBe('');
  });

  it('reads --baseline-file from disk and rejects a malformed one with exit 2', () => {
    repo = legacyRepo();
    expect(repo.guard(['baseline', '--baseline-file', 'ci/accepted.json']).status).toBe(0);
    expect(repo.guard(['check', '--all', '--baseline-file', 'ci/accepted.json']).status).toBe(0);
    repo.write('bad.json', '{"version": 1, "salt": "zz", "entries": []}');
    const bad = repo.guard(['check', '--all', '--baseline-file', 'bad.json']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.json: salt: expected a hex string/);
    expect(repo.guard(['baseline', '--prune', '--baseline-file', 'none.json']).stderr).toMatch(/no baseline at none\.json yet/);
  });
});
