/**
 * Hostile: the allow marker matched as a substring, so any longer word holding it (`secrets-guard-allowed`,
 * `no-secrets-guard-allow`) or a path or URL with it silenced the findings on the line. Only the whole word counts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fake } from '../helpers/fake-tokens.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

const TOKEN = fake.github();

describe('the allow marker is a whole word', () => {
  it('a longer word or a path that contains it suppresses nothing', () => {
    repo = makeRepo();
    repo.write('a.yaml', `token: ${TOKEN} # secrets-guard-allowed by nobody\n`);
    repo.write('b.yaml', `token: ${TOKEN} # no-secrets-guard-allow here\n`);
    repo.write('c.yaml', `# see docs/secrets-guard-allow_list.md\ntoken: ${TOKEN}\n`);
    repo.write('d.sh', `curl https://example.com/secrets-guard-allow/${TOKEN}\n`);
    repo.write('e.yaml', `token: ${TOKEN} #secrets-guard-allowance\n`);
    repo.git('add', '-A');
    const out = repo.guard(['check', '--format', 'json']);
    expect(out.status, out.stderr).toBe(1);
    const paths = (JSON.parse(out.stdout) as { findings: Array<{ path: string }> }).findings.map((f) => f.path);
    expect([...new Set(paths)].sort()).toEqual(['a.yaml', 'b.yaml', 'c.yaml', 'd.sh', 'e.yaml']);
  });

  it('the word itself, followed by punctuation, still counts', () => {
    repo = makeRepo();
    repo.write('a.yaml', `token: ${TOKEN} # secrets-guard-allow: made up for the docs\n`);
    repo.write('b.yaml', `# (secrets-guard-allow)\ntoken: ${TOKEN}\n`);
    repo.git('add', '-A');
    const out = repo.guard(['check']);
    expect(out.status, out.stdout).toBe(0);
  });
});
