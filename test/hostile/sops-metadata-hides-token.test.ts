/**
 * Hostile: sops' MAC does not cover the `sops` metadata block, so anything appended there leaves a file MAC-valid.
 * A secret put in the block (an unknown field, a comment, a value not of its field's form) must still be found by the
 * secret detectors, in every store, even with the age key and `--require-verification`; the unknown field is a
 * sops-metadata error of its own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TestRepo } from '../helpers/git-repo.js';
import { fake, randomChars } from '../helpers/fake-tokens.js';
import { opensshKey } from '../helpers/keys.js';
import { encodeSopsFile, type EncoderStore, type PlainMap } from '../helpers/sops-encoder.js';
import { AGE_YAML, RECIPIENTS, WITH_KEY, check, expectBlocked, sopsRepo } from './sops-hostile-repo.js';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

const TOKEN = fake.github(12);
const VERIFIED = ['--require-verification'];

/** A real, MAC-valid sops file of `store` for the repository's recipients (AGE_KEY_FILE opens it). */
async function encoded(store: EncoderStore): Promise<string> {
  const data: PlainMap = store === 'ini' ? { database: { password: 'hunter2' } } : { password: 'hunter2' };
  return (await encodeSopsFile({ store, data, recipients: RECIPIENTS })).content;
}

describe('a secret hidden in the sops metadata block', () => {
  it('YAML: a GitHub token appended under `sops:` of a MAC-valid file, with the age key and --require-verification', () => {
    repo = sopsRepo({ 'secrets/app.yaml': `${AGE_YAML}  github_token: ${TOKEN}\n` });
    const result = check(repo, VERIFIED, WITH_KEY);
    expectBlocked(result, 'secrets/app.yaml secretlint/github', TOKEN);
    expect(result.findings).toContain('secrets/app.yaml sops-metadata');
    expect(result.findings).not.toContain('secrets/app.yaml sops-mac-mismatch');
  });

  it('YAML: an OpenSSH private key in an unknown metadata field', () => {
    const key = opensshKey().privateKey;
    const block = key
      .trimEnd()
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n');
    repo = sopsRepo({ 'secrets/app.yaml': `${AGE_YAML}  deploy_key: |\n${block}\n` });
    const result = check(repo, VERIFIED, WITH_KEY);
    expectBlocked(result, 'secrets/app.yaml private-key', key.split('\n')[1]!);
  });

  it('YAML: a token in a comment inside the metadata block', () => {
    const commented = AGE_YAML.replace(/^ {2}lastmodified:/m, `  # ci token ${TOKEN}\n  lastmodified:`);
    repo = sopsRepo({ 'secrets/app.yaml': commented });
    expectBlocked(check(repo, VERIFIED, WITH_KEY), 'secrets/app.yaml secretlint/github', TOKEN);
  });

  it('YAML: a token as the `enc` of a master key (not an armored age file)', () => {
    const extraKey = AGE_YAML.replace(
      /^ {2}lastmodified:/m,
      `    - recipient: age1lzd99uklcjnc0e7d860axevet2cz99ce9pq6tzuzd05l5nr28ams36nvun\n      enc: ${TOKEN}\n  lastmodified:`,
    );
    repo = sopsRepo({ 'secrets/app.yaml': extraKey });
    expectBlocked(check(repo, VERIFIED, WITH_KEY), 'secrets/app.yaml secretlint/github', TOKEN);
  });

  it('YAML: a random signing secret in an unknown field reaches the generic detectors (generic-credential names it)', () => {
    const secret = randomChars(40, 77, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
    repo = sopsRepo({ 'secrets/app.yaml': `${AGE_YAML}  signing_secret: "${secret}"\n` });
    expectBlocked(check(repo, VERIFIED, WITH_KEY), 'secrets/app.yaml generic-credential', secret);
  });

  const appended: Array<[string, EncoderStore, string, (content: string) => string]> = [
    ['JSON: a field in the metadata object', 'json', 'secrets/app.json', (c) => c.replace('"sops": {', `"sops": {\n\t\t"note": "${TOKEN}",`)],
    ['dotenv: a `sops_*` line', 'dotenv', 'secrets/app.env', (c) => `${c}sops_note=${TOKEN}\n`],
    ['dotenv: a flattened key naming a real field of the wrong shape', 'dotenv', 'secrets/app.env', (c) => `${c}sops_age__list_0__map_token=${TOKEN}\n`],
    ['INI: a key in the [sops] section', 'ini', 'secrets/app.ini', (c) => `${c}note = ${TOKEN}\n`],
  ];
  it.each(appended)('%s of a MAC-valid file, with the age key and --require-verification', async (_case, store, path, append) => {
    repo = sopsRepo({ [path]: append(await encoded(store)) });
    const result = check(repo, VERIFIED, WITH_KEY);
    expectBlocked(result, `${path} secretlint/github`, TOKEN);
    expect(result.findings).toContain(`${path} sops-metadata`);
  });

  it('the same file outside any creation rule is still scanned in full', () => {
    repo = sopsRepo({ 'config/app.yaml': `${AGE_YAML}  github_token: ${TOKEN}\n` });
    expectBlocked(check(repo, [], WITH_KEY), 'config/app.yaml secretlint/github', TOKEN);
  });
});
