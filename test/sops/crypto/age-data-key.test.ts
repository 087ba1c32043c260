import { Encrypter, armor, generateIdentity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { indexIdentities, unwrapDataKey } from '../../../src/sops/crypto/age-data-key.js';
import { splitSecret } from '../../../src/sops/crypto/shamir.js';
import type { MasterKeyEntry, SopsMetadata } from '../../../src/sops/model.js';
import { HUMPHD_RECIPIENT, dataKeyOf, fixtureText, humphdIdentity } from '../fixtures.js';

function metadataWith(keys: MasterKeyEntry[], keyGroupCount = 1, shamirThreshold?: number): SopsMetadata {
  return {
    raw: {},
    keys,
    keyGroupCount,
    selection: [],
    macOnlyEncrypted: false,
    leaves: [],
    line: 1,
    ...(shamirThreshold !== undefined ? { shamirThreshold } : {}),
  };
}

/** The `enc` of the humphd recipient, cut out of the dotenv fixture as written (with literal `\n`). */
function humphdDotenvEnc(): string {
  const line = fixtureText('humphd-sops-age/tests/data/secret.enc.env')
    .split('\n')
    .find((l) => l.startsWith('sops_age__list_0__map_enc='))!;
  return line.slice(line.indexOf('=') + 1);
}

async function wrap(recipient: string, payload: Uint8Array): Promise<string> {
  const e = new Encrypter();
  e.addRecipient(recipient);
  return armor.encode(await e.encrypt(payload));
}

describe('unwrapDataKey', () => {
  it('opens the real dotenv age entry (escaped newlines) with the published identity', async () => {
    const meta = metadataWith([{ type: 'age', id: HUMPHD_RECIPIENT, enc: humphdDotenvEnc(), group: 0 }]);
    const key = await unwrapDataKey(meta, [humphdIdentity()]);
    expect(Buffer.from(key!)).toEqual(Buffer.from(dataKeyOf('humphd-sops-age/tests/data/secret.enc.env')));
  });

  it('does not try entries for other recipients, and returns undefined without a matching identity', async () => {
    const other = await generateIdentity();
    const mislabelled = metadataWith([{ type: 'age', id: await identityToRecipient(other), enc: humphdDotenvEnc(), group: 0 }]);
    expect(await unwrapDataKey(mislabelled, [humphdIdentity()])).toBeUndefined();
    const meta = metadataWith([{ type: 'age', id: HUMPHD_RECIPIENT, enc: humphdDotenvEnc(), group: 0 }]);
    expect(await unwrapDataKey(meta, [other])).toBeUndefined();
    expect(await unwrapDataKey(meta, [])).toBeUndefined();
  });

  it('skips identities it cannot read and accepts a precomputed index', async () => {
    const index = await indexIdentities(['AGE-PLUGIN-YUBIKEY-1XYZ', humphdIdentity()]);
    expect([...index.keys()]).toEqual([HUMPHD_RECIPIENT]);
    const meta = metadataWith([{ type: 'age', id: HUMPHD_RECIPIENT, enc: humphdDotenvEnc(), group: 0 }]);
    expect(await unwrapDataKey(meta, index)).toBeDefined();
  });

  it('combines Shamir shares from key groups up to the threshold', async () => {
    const dataKey = Buffer.alloc(32, 9);
    const ids = await Promise.all([generateIdentity(), generateIdentity(), generateIdentity()]);
    const shares = splitSecret(dataKey, 3, 2);
    const keys = await Promise.all(
      ids.map(async (id, group) => ({
        type: 'age' as const,
        id: await identityToRecipient(id),
        enc: await wrap(await identityToRecipient(id), shares[group]!),
        group,
      })),
    );
    const meta = metadataWith(keys, 3, 2);
    expect(Buffer.from((await unwrapDataKey(meta, [ids[0]!, ids[2]!]))!)).toEqual(dataKey);
    expect(await unwrapDataKey(meta, [ids[1]!])).toBeUndefined();
    // Threshold absent: sops needs every group.
    expect(await unwrapDataKey(metadataWith(keys, 3), [ids[0]!, ids[1]!])).toBeUndefined();
  });

  it('rejects a payload that is not a 32-byte key', async () => {
    const id = await generateIdentity();
    const recipient = await identityToRecipient(id);
    const meta = metadataWith([{ type: 'age', id: recipient, enc: await wrap(recipient, new Uint8Array(16)), group: 0 }]);
    expect(await unwrapDataKey(meta, [id])).toBeUndefined();
  });
});
