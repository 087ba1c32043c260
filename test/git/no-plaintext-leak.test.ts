/**
 * Decrypted values and data keys exist only in memory: a real run of the built binary with the age key, over real
 * and tampered sops files, in every format and with --output, must not show any of them anywhere, and must leave
 * the repository untouched.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptValue, valueAad } from '../../src/sops/crypto/aes-gcm.js';
import { macAad } from '../../src/sops/crypto/mac.js';
import { isParseFailure, parseSopsFile } from '../../src/sops/stores/index.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { tamperedCopies, AGE_FILES, original } from '../rules/sops-verification-cases.js';
import { dataKeyOf } from '../sops/fixtures.js';

const KEY_FILE = new URL('../fixtures/sops/humphd-sops-age/key.txt', import.meta.url).pathname;
let repo: TestRepo;
const forbidden: string[] = [];

/** Every decrypted value longer than a few characters (short ones such as `1` or `true` occur in any report), the MAC, the key. */
function secretsOf(path: string): string[] {
  const model = parseSopsFile(path, original(path));
  if (isParseFailure(model)) throw new Error(model.error);
  const key = dataKeyOf(path);
  const values = model.leaves.filter((l) => l.text.startsWith('ENC[')).map((l) => decryptValue(key, l.text, valueAad(l.path)).plaintext.toString('utf8'));
  const mac = decryptValue(key, model.metadata!.mac!, macAad(model.metadata!.lastmodified)).plaintext.toString('utf8');
  const keyNames = new Set(model.leaves.flatMap((l) => l.path));
  return [...values.filter((v) => v.length >= 6 && !keyNames.has(v)), mac, Buffer.from(key).toString('hex'), Buffer.from(key).toString('base64')];
}

beforeAll(() => {
  repo = makeRepo();
  repo.write('.sops.yaml', 'creation_rules:\n  - path_regex: secrets/\n    age: age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr\n');
  AGE_FILES.forEach((path, i) => {
    const copies = tamperedCopies(path);
    const ext = path.slice(path.lastIndexOf('.'));
    repo.write(`secrets/ok-${i}${ext}`, original(path));
    repo.write(`secrets/swapped-${i}${ext}`, copies.swapped.content);
    repo.write(`secrets/reencrypted-${i}${ext}`, copies.reencrypted.content);
    forbidden.push(...secretsOf(path));
  });
  expect(forbidden.length).toBeGreaterThanOrEqual(AGE_FILES.length * 3); // values, MAC, key in two encodings
  repo.git('add', '-A');
});
afterAll(() => repo.cleanup());

describe('no plaintext or data key in any output', () => {
  for (const format of ['stylish', 'json', 'sarif', 'github', 'gitlab']) {
    it(`${format}: findings reported, nothing decrypted shown`, () => {
      const before = repo.fingerprint();
      const reportDir = mkdtempSync(join(tmpdir(), 'sg-report-'));
      const report = join(reportDir, 'report.out');
      const out = repo.guard(['check', '--format', format], { SOPS_AGE_KEY_FILE: KEY_FILE });
      const written = repo.guard(['check', '--format', format, '--output', report], { SOPS_AGE_KEY_FILE: KEY_FILE });
      expect(out.status).toBe(1);
      expect(written.status).toBe(1);
      expect(out.stdout).toMatch(/sops-undecryptable-value/);
      expect(out.stdout).toMatch(/sops-mac-mismatch/);
      const reportText = readFileSync(report, 'utf8');
      rmSync(reportDir, { recursive: true, force: true });
      expect(reportText.length).toBeGreaterThan(100);
      for (const text of [out.stdout, out.stderr, written.stdout, written.stderr, reportText]) {
        for (const secret of forbidden) expect(text.includes(secret), `leaked ${secret.slice(0, 3)}… in ${format}`).toBe(false);
      }
      expect(repo.fingerprint()).toBe(before);
    });
  }
});
