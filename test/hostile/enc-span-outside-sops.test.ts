/**
 * Hostile: `ENC[AES256_GCM,…]` is trusted as ciphertext only inside a sops file (valid metadata), at a value position,
 * and only when it is well-formed sops ciphertext. Anywhere else it is text, and a secret inside it is found.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TestRepo } from '../helpers/git-repo.js';
import { fake, randomChars } from '../helpers/fake-tokens.js';
import { IV, TAG } from '../helpers/sops-samples.js';
import { AGE_YAML, WITH_KEY, check, expectBlocked, sopsRepo } from './sops-hostile-repo.js';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

const TOKEN = fake.github(21);
const fakeEnc = (data: string, tail = '') => `ENC[AES256_GCM,data:${data},iv:${IV},tag:${TAG},type:str${tail}]`;

describe('a secret wrapped in a fake ENC value', () => {
  it('in a plain file: a GitHub token as the data of an ENC value', () => {
    repo = sopsRepo({ 'config/app.yaml': `name: api\ntoken: ${fakeEnc(TOKEN)}\n` });
    expectBlocked(check(repo), 'config/app.yaml secretlint/github', TOKEN);
  });

  it('in a plain file: a token after the type, still inside the brackets', () => {
    repo = sopsRepo({ 'config/app.yaml': `token: ${fakeEnc('QUJD', `,${TOKEN}`)}\n` });
    expectBlocked(check(repo), 'config/app.yaml secretlint/github', TOKEN);
  });

  it('in a plain file: a random secret as well-formed ENC data reaches the entropy detector', () => {
    const secret = randomChars(40, 31, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
    repo = sopsRepo({ 'config/app.json': `{"signing_secret": "${fakeEnc(secret)}"}\n` });
    const result = check(repo);
    expect(result.findings).toContain('config/app.json high-entropy-string');
    expect(result.stdout).not.toContain(secret);
  });

  it('in a MAC-valid sops file: a token in a malformed ENC value', () => {
    const withValue = AGE_YAML.replace(/^sops:/m, `api_token: ${fakeEnc(TOKEN)}\nsops:`);
    repo = sopsRepo({ 'secrets/app.yaml': withValue });
    const result = check(repo, ['--require-verification'], WITH_KEY);
    expectBlocked(result, 'secrets/app.yaml secretlint/github', TOKEN);
    expect(result.findings).toContain('secrets/app.yaml sops-metadata');
  });

  it('in a sops file: a well-formed ENC value used as a key, not a value, is text', () => {
    const inKey = AGE_YAML.replace(/^sops:/m, `notes_unencrypted:\n  "${fakeEnc(TOKEN)}": x\nsops:`);
    repo = sopsRepo({ 'config/app.yaml': inKey });
    expectBlocked(check(repo), 'config/app.yaml secretlint/github', TOKEN);
  });
});
