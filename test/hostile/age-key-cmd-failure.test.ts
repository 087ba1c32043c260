/**
 * A key command that fails stops the run with exit 2 and one line, and is not run again for every other sops file
 * (a hanging one cost 10 s per file): its failure is remembered for the run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { countingKeyCommand, sopsFileForPublishedKey, SOPS_YAML, type CountingKeyCommand } from '../helpers/published-age-key.js';

let repo: TestRepo;
let keyCommand: CountingKeyCommand;
afterEach(() => {
  repo?.cleanup();
  keyCommand?.cleanup();
});

describe('a failing SOPS_AGE_KEY_CMD', () => {
  it('is exit 2 with one line, run once however many sops files need it, with or without --require-verification', async () => {
    repo = makeRepo();
    repo.write('.sops.yaml', SOPS_YAML);
    for (let i = 0; i < 6; i++) repo.write(`secrets/s${i}.yaml`, await sopsFileForPublishedKey({ [`key${i}`]: `value ${i}` }));
    repo.git('add', '-A');
    for (const extra of [[], ['--require-verification']]) {
      keyCommand = countingKeyCommand({ fail: true });
      const out = repo.guard(['check', ...extra], { SOPS_AGE_KEY_CMD: keyCommand.command });
      expect(out.status).toBe(2);
      expect(out.stderr).toBe(`secrets-guard: SOPS_AGE_KEY_CMD failed (${keyCommand.command}): exit status 3\n`);
      expect(keyCommand.runs()).toBe(1);
      keyCommand.cleanup();
    }
  });
});
