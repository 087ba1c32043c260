/**
 * A short plaintext value is reported without being printed, and without garbling the message: masking works on
 * the value's own span, not by searching the message for the value's text (`PASSWORD=x` must not turn
 * "plaintext" into "plainte****t", which would also tell the reader the value).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFindingEverywhere, FORMATS, stageAndCheck, type Format, type Run } from '../helpers/every-format.js';
import type { TestRepo } from '../helpers/git-repo.js';

let repo: TestRepo;
let runs: Record<Format, Run>;

beforeAll(() => {
  ({ repo, runs } = stageAndCheck({ '.env': 'PASSWORD=x\n', 'app/.env': 'API_TOKEN=hunter2\n', 'infra/prod.tfvars': 'db_password = "re"\n' }));
});
afterAll(() => repo.cleanup());

const ENV_MESSAGE =
  'plaintext env file assigns 1 value(s) (PASSWORD): encrypt it with `sops encrypt` into .env.enc (or a *.sops.env) and add the plaintext to .gitignore';
const TFVARS_MESSAGE = '"db_password" is set to a literal secret in a tfvars file: pass it via TF_VAR_db_password or a secret store, or sops-encrypt the file';

describe('a short plaintext value', () => {
  it('is reported in every format', () => {
    expectFindingEverywhere(runs, '.env', 'plaintext-env-file');
    expectFindingEverywhere(runs, 'app/.env', 'plaintext-env-file');
    expectFindingEverywhere(runs, 'infra/prod.tfvars', 'plaintext-tfvars');
  });

  it('leaves the message whole: nothing of the message is masked as if it were the value', () => {
    for (const format of FORMATS) {
      const text = format === 'github' ? runs[format].stdout.replace(/%0A/g, '\n') : runs[format].stdout;
      expect(text, format).toContain(ENV_MESSAGE);
      expect(text, format).toContain(format === 'json' || format === 'sarif' ? JSON.stringify(TFVARS_MESSAGE).slice(1, -1) : TFVARS_MESSAGE);
      expect(text, format).not.toContain('****');
    }
  });

  it('is never printed', () => {
    for (const format of FORMATS) expect(runs[format].stdout + runs[format].stderr, format).not.toContain('hunter2');
  });
});
