/**
 * Repository content never runs code: a `.secretlintrc.json` naming a rule by a path or URL (`./evil.js`, an
 * absolute path, a file: or data: URL) made the guard import and run it, with the job's environment (its age
 * key). In a staged check and --all it is a configuration error (exit 2), and the module never runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { evilRule, pathIds, type EvilRule } from '../helpers/evil-secretlint-rule.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { PUBLISHED_IDENTITY } from '../helpers/published-age-key.js';

let repo: TestRepo;
let evil: EvilRule;
afterEach(() => {
  repo?.cleanup();
  evil?.cleanup();
});

describe('a .secretlintrc rule named by a path, in the work tree', () => {
  it('is exit 2 in a staged check and in --all, and never runs', () => {
    repo = makeRepo();
    evil = evilRule();
    repo.write('evil.js', evil.commonJs);
    repo.write('README.md', '# app\n');
    for (const id of pathIds(repo.dir, evil)) {
      repo.write('.secretlintrc.json', JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }, { id }] }));
      repo.git('add', '-A');
      for (const args of [['check'], ['check', '--all']]) {
        const out = repo.guard(args, { SOPS_AGE_KEY: PUBLISHED_IDENTITY });
        expect(out.status, `${args.join(' ')} ${id.slice(0, 40)}`).toBe(2);
        expect(out.stderr).toBe(
          'secrets-guard: .secretlintrc.json: rules[1].id: not a package name: rules are loaded from installed packages only, never from a path or URL\n',
        );
        expect(evil.ran()).toBe(false);
      }
    }
  });
});
