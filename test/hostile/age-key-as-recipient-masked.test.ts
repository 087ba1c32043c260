/**
 * An age secret key pasted into `.sops.yaml` as a recipient is reported (it is a private key, and sops refuses the
 * rule), but no report prints it: not the `sops-config` message about the invalid recipient, not the
 * `sops-rule-drift` message that lists it among the rule's keys, in any format.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFindingEverywhere, expectNoPieceOf, stageAndCheck, type Format, type Run } from '../helpers/every-format.js';
import type { TestRepo } from '../helpers/git-repo.js';
import { ageKey } from '../helpers/keys.js';
import { encodeSopsFile } from '../helpers/sops-encoder.js';

let repo: TestRepo;
let runs: Record<Format, Run>;
let identity: string;

beforeAll(async () => {
  const pasted = await ageKey();
  const real = await ageKey();
  identity = pasted.identity;
  ({ repo, runs } = stageAndCheck({
    '.sops.yaml': `creation_rules:\n  - path_regex: secrets/.*\n    age: ${identity},${real.recipient}\n`,
    'secrets/app.yaml': (await encodeSopsFile({ store: 'yaml', data: { password: 'hunter2-hunter2' }, recipients: [real.recipient] })).content,
  }));
});
afterAll(() => repo.cleanup());

describe('an age secret key written as a recipient', () => {
  it('is reported by sops-config, sops-rule-drift and private-key in every format', () => {
    expectFindingEverywhere(runs, '.sops.yaml', 'sops-config');
    expectFindingEverywhere(runs, '.sops.yaml', 'private-key');
    expectFindingEverywhere(runs, 'secrets/app.yaml', 'sops-rule-drift');
  });

  it('is never printed, whole or in part', () => {
    expectNoPieceOf(runs, identity.slice('AGE-SECRET-KEY-1'.length));
  });

  it('is named for what it is', () => {
    expect(runs.stylish.stdout).toMatch(/invalid age recipient `AGE-\*\*\*\*`: this is an age secret key/);
  });
});
