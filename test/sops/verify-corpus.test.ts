/**
 * The verifier on the real sops corpus: every decryptable file verifies with its data key (PGP files through the
 * data keys in derived-data-keys.tsv, age files also through their published identity), and no_mac.yaml is
 * reported the way sops reports it.
 */
import { describe, expect, it } from 'vitest';
import { unwrapDataKey } from '../../src/sops/crypto/age-data-key.js';
import { verifySopsFile } from '../../src/sops/crypto/verify.js';
import type { SopsFileModel } from '../../src/sops/model.js';
import { parseSopsFile } from '../../src/sops/stores/index.js';
import { derivedDataKeys, fixtureText, humphdIdentity } from './fixtures.js';

function modelOf(path: string): SopsFileModel {
  const model = parseSopsFile(path, fixtureText(path));
  if ('error' in model) throw new Error(`${path}: ${model.error}`);
  return model;
}

const rows = derivedDataKeys();

describe('verifySopsFile on the real corpus', () => {
  it('covers every decryptable corpus file (age and PGP, all five stores)', () => {
    expect(rows).toHaveLength(18);
    expect(new Set(rows.map((r) => modelOf(r.path).store))).toEqual(new Set(['yaml', 'json', 'dotenv', 'ini', 'binary']));
  });

  for (const row of rows.filter((r) => !r.path.endsWith('no_mac.yaml'))) {
    it(`verifies ${row.path} (data key via ${row.via.split(':')[0]})`, () => {
      expect(verifySopsFile(modelOf(row.path), row.dataKey)).toEqual({ ok: true });
    });
  }

  it('reports no_mac.yaml as sops does: MAC mismatch, File has no MAC', () => {
    const row = rows.find((r) => r.path.endsWith('no_mac.yaml'))!;
    expect(verifySopsFile(modelOf(row.path), row.dataKey)).toEqual({
      ok: false,
      problems: [{ kind: 'mac-mismatch', reason: 'no-mac', message: 'MAC mismatch. File has no MAC' }],
    });
  });

  it("fails every corpus file under another file's data key", () => {
    for (const [i, row] of rows.entries()) {
      const other = rows[(i + 1) % rows.length]!.dataKey;
      expect(verifySopsFile(modelOf(row.path), other).ok, row.path).toBe(false);
    }
  });

  for (const row of rows.filter((r) => r.via.startsWith('age:'))) {
    it(`recovers the data key of ${row.path} from key.txt`, async () => {
      const key = await unwrapDataKey(modelOf(row.path).metadata!, [humphdIdentity()]);
      expect(Buffer.from(key!).toString('hex')).toBe(Buffer.from(row.dataKey).toString('hex'));
    });
  }
});

describe('verifySopsFile on values that decrypt but are not what their type says', () => {
  it('reports an int that is not a number, without showing it', async () => {
    const { encodeSopsFile } = await import('../helpers/sops-encoder.js');
    const { encryptValue } = await import('../../src/sops/crypto/aes-gcm.js');
    const { replaceEnc } = await import('./tamper.js');
    const file = await encodeSopsFile({ store: 'yaml', data: { count: 3 } });
    const forged = replaceEnc(file.content, 'count', encryptValue(file.dataKey, 'not-a-number', 'count:', 'int'));
    const model = parseSopsFile('x.yaml', forged) as SopsFileModel;
    const result = verifySopsFile(model, file.dataKey);
    expect(result).toMatchObject({
      ok: false,
      problems: [{ kind: 'undecryptable-value', path: ['count'], message: 'the value at count does not decrypt to a valid int' }],
    });
    const weird = replaceEnc(file.content, 'count', encryptValue(file.dataKey, 'x', 'count:', 'secretword'));
    expect(JSON.stringify(verifySopsFile(parseSopsFile('x.yaml', weird) as SopsFileModel, file.dataKey))).not.toContain('secretword');
  });
});

describe("the PGP corpus through the rules' parse-and-verify path", () => {
  it('every PGP file verifies with its derived data key; no_mac.yaml does not', async () => {
    const { verifySourceWithDataKey } = await import('../../src/sops/crypto/verify-source.js');
    const pgp = rows.filter((r) => r.via.startsWith('pgp:'));
    expect(pgp).toHaveLength(15);
    for (const row of pgp) {
      const outcome = await verifySourceWithDataKey(row.path, fixtureText(row.path), row.dataKey);
      expect(outcome.kind, row.path).toBe('checked');
      const ok = outcome.kind === 'checked' && outcome.result.ok;
      expect(ok, row.path).toBe(!row.path.endsWith('no_mac.yaml'));
    }
    // The caller's key is copied, not wiped.
    expect(pgp[0]!.dataKey.some((b) => b !== 0)).toBe(true);
  });
});
