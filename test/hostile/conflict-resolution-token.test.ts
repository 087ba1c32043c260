/**
 * A token pasted while resolving a merge conflict exists in neither parent: the merge commit's own content, read in
 * a range and a push.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fake } from '../helpers/fake-tokens.js';
import { bareServer, commitFiles, devClone, jsonReport } from '../helpers/git-history.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));
const track = (r: TestRepo) => (repos.push(r), r);

/** Both branches change the same line of deploy.yaml; the conflict is resolved with a token. Returns [base, merge]. */
function tokenInResolution(r: TestRepo): [string, string] {
  const base = commitFiles(r, 'base', { 'deploy.yaml': 'image: app:1\nreplicas: 1\n' });
  r.git('checkout', '-q', '-b', 'side');
  commitFiles(r, 'side', { 'deploy.yaml': 'image: app:2\nreplicas: 1\n' });
  r.git('checkout', '-q', 'main');
  commitFiles(r, 'main', { 'deploy.yaml': 'image: app:3\nreplicas: 1\n' });
  expect(r.tryGit('merge', '-q', 'side').status).not.toBe(0); // conflict
  r.write('deploy.yaml', `image: app:3\nreplicas: 1\nregistry_token: ${fake.github(41)}\n`);
  r.git('add', 'deploy.yaml');
  r.git('commit', '-q', '--no-edit', '--no-verify');
  return [base, r.git('rev-parse', 'HEAD').trim()];
}

describe('a token pasted while resolving a conflict', () => {
  it('is read in a range', () => {
    const r = track(makeRepo());
    const [base, merge] = tokenInResolution(r);
    const out = r.guard(['check', '--range', `${base}..HEAD`, '--format', 'json']);
    expect(out.status).toBe(1);
    expect(jsonReport(out.stdout).findings).toContainEqual(
      expect.objectContaining({ path: 'deploy.yaml', ruleId: 'secretlint/github', commit: merge, line: 3 }),
    );
  });

  it('is read in a push', () => {
    const server = track(bareServer());
    const dev = track(devClone(server));
    tokenInResolution(dev);
    const push = dev.tryGit('push', 'origin', 'main');
    expect(push.status).not.toBe(0);
    expect(push.stderr).toMatch(/remote: deploy\.yaml [\s\S]*secretlint\/github/);
  });
});
