/**
 * A token pasted into `.sops.yaml` as a `pgp:` fingerprint is reported, but no report prints it: not the
 * `sops-config` warning that it is no fingerprint, not the `sops-rule-drift` list of the rule's keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFindingEverywhere, expectNoPieceOf, stageAndCheck, type Format, type Run } from '../helpers/every-format.js';
import { fake } from '../helpers/fake-tokens.js';
import type { TestRepo } from '../helpers/git-repo.js';
import { ageKey } from '../helpers/keys.js';
import { encodeSopsFile } from '../helpers/sops-encoder.js';

const token = fake.github(41);
let repo: TestRepo;
let runs: Record<Format, Run>;

beforeAll(async () => {
  const real = await ageKey();
  ({ repo, runs } = stageAndCheck({
    '.sops.yaml': `creation_rules:\n  - path_regex: secrets/.*\n    age: ${real.recipient}\n    pgp: ${token}\n`,
    'secrets/app.yaml': (await encodeSopsFile({ store: 'yaml', data: { password: 'hunter2-hunter2' }, recipients: [real.recipient] })).content,
  }));
});
afterAll(() => repo.cleanup());

describe('a token written as a pgp fingerprint', () => {
  it('is reported in every format', () => {
    expectFindingEverywhere(runs, '.sops.yaml', 'sops-config');
    expectFindingEverywhere(runs, '.sops.yaml', 'secretlint/github');
    expectFindingEverywhere(runs, 'secrets/app.yaml', 'sops-rule-drift');
  });

  it('is never printed, whole or in part', () => {
    expectNoPieceOf(runs, token.slice(4));
    expect(runs.stylish.stdout).toContain('`ghp_****` is not a PGP fingerprint');
    expect(runs.stylish.stdout).toContain('in the rule but not in the file: pgp ghp_****');
  });
});
