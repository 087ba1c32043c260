import { describe, expect, it } from 'vitest';
import { recipientDrift, settingsDrift } from '../../src/sops/config/drift.js';
import type { MasterKeyEntry, SopsMetadata } from '../../src/sops/model.js';
import { normaliseMetadata } from '../../src/sops/stores/metadata.js';

const key = (type: MasterKeyEntry['type'], id: string, group = 0): MasterKeyEntry => ({ type, id, enc: 'x', group });

/** File metadata as the store parsers produce it, from a raw `sops` object. */
const metadataOf = (raw: Record<string, unknown>): SopsMetadata => normaliseMetadata(raw, { leaves: [], line: 1 });

describe('recipientDrift compares rule ids with metadata ids', () => {
  it('ids from metadata fields (src/sops/stores/metadata.ts) equal ids from the rule, for every key type', () => {
    const metadata = metadataOf({
      kms: [{ arn: 'arn:aws:kms:r:1:key/a', role: 'arn:aws:iam::1:role/x', enc: 'e' }],
      gcp_kms: [{ resource_id: 'projects/p/cryptoKeys/k', enc: 'e' }],
      azure_kv: [{ vault_url: 'https://v.vault.azure.net', name: 'k', version: '42', enc: 'e' }],
      hc_vault: [{ vault_address: 'https://vault:8200', engine_path: 'sops/nested', key_name: 'k', enc: 'e' }],
      hckms: [{ key_id: 'r:u', enc: 'e' }],
    });
    const rule = {
      kms: 'arn:aws:kms:r:1:key/a+arn:aws:iam::1:role/x',
      gcp_kms: 'projects/p/cryptoKeys/k',
      azure_keyvault: 'https://v.vault.azure.net/keys/k/42',
      hc_vault_transit_uri: 'https://vault:8200/v1/sops/nested/keys/k',
      hckms: ['r:u'],
    };
    expect(recipientDrift(rule, metadata.keys, metadata.keyGroupCount)).toBeUndefined();
  });

  it('an Azure key without a version in the rule matches any version of that key', () => {
    const file = [key('azure_kv', 'https://v.vault.azure.net/keys/k/42')];
    expect(recipientDrift({ azure_keyvault: 'https://v.vault.azure.net/keys/k' }, file, 1)).toBeUndefined();
    expect(recipientDrift({ azure_keyvault: 'https://v.vault.azure.net/keys/k/41' }, file, 1)).toMatchObject({
      added: [{ type: 'azure_kv', id: 'https://v.vault.azure.net/keys/k/41' }],
      removed: [{ type: 'azure_kv', id: 'https://v.vault.azure.net/keys/k/42' }],
    });
    expect(recipientDrift({ azure_keyvault: 'https://v.vault.azure.net/keys/other' }, file, 1)?.removed).toHaveLength(1);
  });

  it('a KMS role is part of the key: the same ARN with another role differs', () => {
    const file = [key('kms', 'arn:aws:kms:r:1:key/a+arn:aws:iam::1:role/x')];
    expect(recipientDrift({ kms: 'arn:aws:kms:r:1:key/a' }, file, 1)?.added).toEqual([{ type: 'kms', id: 'arn:aws:kms:r:1:key/a', group: 0 }]);
  });

  it('keys are compared group by group', () => {
    const file = [key('pgp', 'A'.repeat(40), 0), key('pgp', 'B'.repeat(40), 1)];
    const same = { key_groups: [{ pgp: ['A'.repeat(40)] }, { pgp: ['B'.repeat(40)] }] };
    const swapped = { key_groups: [{ pgp: ['B'.repeat(40)] }, { pgp: ['A'.repeat(40)] }] };
    expect(recipientDrift(same, file, 2)).toBeUndefined();
    expect(recipientDrift(swapped, file, 2)).toMatchObject({ ruleGroups: 2, fileGroups: 2 });
    expect(recipientDrift(swapped, file, 2)?.added).toHaveLength(2);
  });
});

describe('settingsDrift', () => {
  it('no setting on either side means the default on both', () => {
    expect(settingsDrift({}, metadataOf({}), 'yaml')).toEqual({});
    expect(settingsDrift({}, metadataOf({ unencrypted_suffix: '_unencrypted' }), 'yaml')).toEqual({});
  });

  it('a different value of the same setting, and a different setting', () => {
    expect(settingsDrift({ encrypted_regex: '^b$' }, metadataOf({ encrypted_regex: '^a$' }), 'json')).toEqual({
      selection: { file: { setting: 'encrypted_regex', value: '^a$' }, rule: { setting: 'encrypted_regex', value: '^b$' } },
    });
    expect(settingsDrift({ encrypted_suffix: '_enc' }, metadataOf({}), 'dotenv').selection?.rule).toEqual({ setting: 'encrypted_suffix', value: '_enc' });
  });

  it('binary files compare mac_only_encrypted but not the selection', () => {
    expect(settingsDrift({ encrypted_regex: 'x', mac_only_encrypted: 'on' }, metadataOf({}), 'binary')).toEqual({
      macOnlyEncrypted: { file: undefined, rule: true },
    });
  });

  it('says which side leaves a setting unset rather than showing the default as written', () => {
    expect(settingsDrift({ mac_only_encrypted: true, encrypted_regex: '^data$' }, metadataOf({ mac_only_encrypted: false }), 'yaml')).toEqual({
      selection: { file: undefined, rule: { setting: 'encrypted_regex', value: '^data$' } },
      macOnlyEncrypted: { file: false, rule: true },
    });
  });
});
