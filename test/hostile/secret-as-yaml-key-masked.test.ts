/**
 * A secret used as a YAML key in a sops file, beside a value left in plaintext, is reported, but the key path that
 * `sops-plaintext-value` names does not print it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFindingEverywhere, expectNoPieceOf, stageAndCheck, type Format, type Run } from '../helpers/every-format.js';
import { fake } from '../helpers/fake-tokens.js';
import type { TestRepo } from '../helpers/git-repo.js';
import { encodeSopsFile } from '../helpers/sops-encoder.js';

const token = fake.github(51);
let repo: TestRepo;
let runs: Record<Format, Run>;

beforeAll(async () => {
  const encoded = await encodeSopsFile({ store: 'yaml', data: { database: { password: 'hunter2-hunter2' } } });
  // A hand edit after `sops encrypt`: a new key, in plaintext, whose name is itself a token.
  ({ repo, runs } = stageAndCheck({ 'secrets/app.yaml': encoded.content.replace('database:\n', `database:\n    ${token}: enabled\n`) }));
});
afterAll(() => repo.cleanup());

describe('a secret used as a YAML key', () => {
  it('is reported in every format', () => {
    expectFindingEverywhere(runs, 'secrets/app.yaml', 'sops-plaintext-value');
    expectFindingEverywhere(runs, 'secrets/app.yaml', 'secretlint/github');
  });

  it('is never printed in the key path, whole or in part', () => {
    expectNoPieceOf(runs, token.slice(4));
    expect(runs.stylish.stdout).toContain('value at database.ghp_**** is not encrypted');
  });
});
