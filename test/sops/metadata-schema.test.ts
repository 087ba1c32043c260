/**
 * The metadata validator (src/sops/metadata-schema.ts): every field sops writes, in every store's form, validates and
 * its ciphertext and recipients are trusted; anything else is a problem and is never trusted.
 */
import { describe, expect, it } from 'vitest';
import * as form from '../../src/sops/metadata-forms.js';
import { fieldName, reviewMetadata, type MetadataReview } from '../../src/sops/metadata-schema.js';
import type { SopsMetadata } from '../../src/sops/model.js';
import { parseSopsFile } from '../../src/sops/stores/index.js';
import { fake } from '../helpers/fake-tokens.js';
import { corpusFile, ENCRYPTED_CORPUS } from '../helpers/sops-corpus.js';
import { dotenvMetadata, enc, jsonMetadata, yamlMetadata } from '../helpers/sops-samples.js';

const AGE_ARMOR = '-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5cHRpb24ub3JnL3YxCg==\n-----END AGE ENCRYPTED FILE-----\n';
const PGP_ARMOR =
  '-----BEGIN PGP MESSAGE-----\nVersion: GnuPG v1\n\nhQEMAyUpShfNkFB/AQf/eLAAHlnmaYZGuitpb7FU3tarxgRLHKoRSYCXBWg1CSPJ\nySY5mP0oE6BPeCa14NMafKpwd4XQ9Q==\n=j3Rn\n-----END PGP MESSAGE-----\n';
const TOKEN = fake.github(3);

function metadataOf(path: string, content: string): SopsMetadata {
  const model = parseSopsFile(path, content);
  if ('error' in model || !model.metadata) throw new Error(`no metadata in ${path}`);
  return model.metadata;
}

function review(path: string, content: string): MetadataReview & { texts: string[]; trustedTexts: string[] } {
  const r = reviewMetadata(metadataOf(path, content).leaves);
  return { ...r, texts: r.problems.map((p) => p.message), trustedTexts: r.trusted.map(([s, e]) => content.slice(s, e)) };
}

const jsonFile = (sops: Record<string, unknown>): string => JSON.stringify({ a: enc(), sops }, null, 2);

describe('reviewMetadata', () => {
  it.each(ENCRYPTED_CORPUS)('real sops file %s: no problem, every mac, enc, recipient and fingerprint trusted', (path) => {
    const content = corpusFile(path);
    const metadata = metadataOf(path, content);
    const r = reviewMetadata(metadata.leaves);
    expect(r.problems).toEqual([]);
    expect(r.claimsSops).toBe(true);
    const trusted = new Set(r.trusted.map(([s]) => s));
    const byDefinition = metadata.leaves.filter((l) => ['mac', 'enc', 'recipient', 'fp', 'arn'].includes(String(l.path[l.path.length - 1])) && l.text !== '');
    expect(byDefinition.length).toBeGreaterThan(1);
    for (const leaf of byDefinition) expect(trusted.has(leaf.start), leaf.path.join('.')).toBe(true);
  });

  it('every master key type with the fields sops writes, flat and in key groups', () => {
    const keys = {
      kms: [
        {
          arn: 'arn:aws:kms:eu-west-1:123456789012:key/0c5b1a8e-1f4e-4d8e-9a0b-2a1b3c4d5e6f',
          role: 'arn:aws:iam::123456789012:role/sops',
          context: { env: 'prod', team: null },
          created_at: '2025-01-01T00:00:00Z',
          enc: 'AQICAHhHc2RmZ2hqa2w7J3p4Y3Zibm0sLi8xMjM0NTY3ODkw==',
          aws_profile: '',
        },
      ],
      gcp_kms: [
        {
          resource_id: 'projects/p/locations/global/keyRings/r/cryptoKeys/k',
          created_at: '2025-01-01T00:00:00Z',
          enc: 'CiQAqwertyuiopasdfghjklzxcvbnm1234567890',
        },
      ],
      azure_kv: [
        {
          vault_url: 'https://example.vault.azure.net',
          name: 'sops-key',
          version: '0123456789abcdef0123456789abcdef',
          created_at: '2025-01-01T00:00:00Z',
          enc: 'b64url_wrapped-key_0123456789',
        },
      ],
      hc_vault: [
        {
          vault_address: 'http://127.0.0.1:8200',
          engine_path: 'sops',
          key_name: 'firstkey',
          created_at: '2025-01-01T00:00:00Z',
          enc: 'vault:v1:c29tZSB3cmFwcGVkIGtleSBieXRlcw==',
        },
      ],
      hckms: [{ key_id: 'tr-west-1:0c5b1a8e-1f4e-4d8e-9a0b-2a1b3c4d5e6f', created_at: '2025-01-01T00:00:00Z', enc: 'aHVhd2VpY2xvdWQga21zIGJsb2I=' }],
      pgp: [{ created_at: '2025-01-01T00:00:00Z', enc: PGP_ARMOR, fp: 'FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4' }],
    };
    const flat = review('s.json', jsonFile({ ...jsonMetadata(), ...keys, shamir_threshold: 2, mac_only_encrypted: true, attention: 'sops 1.x note' }));
    expect(flat.texts).toEqual([]);
    // mac; age recipient and enc; kms arn, role and enc; each other type's id and enc.
    expect(flat.trustedTexts).toHaveLength(1 + 2 + 3 + 2 * 5);
    const grouped = review('g.json', jsonFile({ ...jsonMetadata(), age: undefined, key_groups: [{ age: jsonMetadata()['age'] }, keys] }));
    expect(grouped.texts).toEqual([]);
  });

  it('sops ≤3.9 empty key lists (`kms: []`, `"kms": null`) are fine', () => {
    expect(review('s.json', jsonFile({ ...jsonMetadata(), kms: null, gcp_kms: null, azure_kv: [] })).texts).toEqual([]);
  });

  it('an unknown field, at the top or in a key entry, is a problem and never trusted', () => {
    const r = review('s.yaml', `a: ${enc()}\n${yamlMetadata(`github_token: ${TOKEN}`, `age_note: ${AGE_ARMOR.split('\n')[1]}`)}`);
    expect(r.texts).toEqual([
      '`sops.github_token` is not a field sops writes: sops ignores it and its MAC does not cover it, so it must not be there',
      '`sops.age_note` is not a field sops writes: sops ignores it and its MAC does not cover it, so it must not be there',
    ]);
    expect(r.trustedTexts.join()).not.toContain(TOKEN);
    const inEntry = review('s.json', jsonFile({ ...jsonMetadata(), age: [{ ...(jsonMetadata()['age'] as object[])[0], token: TOKEN }] }));
    expect(inEntry.texts).toEqual(['`sops.age[0].token` is not a field sops writes: sops ignores it and its MAC does not cover it, so it must not be there']);
  });

  it('a value where a list belongs, an entry that is not a mapping, an unknown key type in a group', () => {
    const r = review('s.json', jsonFile({ ...jsonMetadata(), pgp: TOKEN, kms: [TOKEN], key_groups: [{ vault: [{ x: 1 }] }] }));
    expect(r.texts).toEqual([
      '`sops.pgp` must be a list or a mapping, not a single value',
      '`sops.kms[0]` is not a field sops writes: sops ignores it and its MAC does not cover it, so it must not be there',
      '`sops.key_groups[0].vault[0].x` is not a field sops writes: sops ignores it and its MAC does not cover it, so it must not be there',
    ]);
  });

  it('flattened dotenv and INI keys are judged by the path they stand for', () => {
    const env = review('a.env', `A=${enc()}\n${dotenvMetadata(`note=${TOKEN}`, `age__list_0__map_token=${TOKEN}`)}`);
    expect(env.texts.map((t) => t.split(' ')[0])).toEqual(['`sops.note`', '`sops.age[0].token`']);
    const ini = review('a.ini', `[app]\na = ${enc()}\n\n[sops]\n${dotenvMetadata(`note=${TOKEN}`).replaceAll('sops_', '')}`);
    expect(ini.texts.map((t) => t.split(' ')[0])).toEqual(['`sops.note`']);
  });

  it("a value not of its field's form is a problem and not trusted: the detectors see it", () => {
    const r = review('s.json', jsonFile({ ...jsonMetadata(), mac: TOKEN, age: [{ recipient: TOKEN, enc: TOKEN }], lastmodified: 'yesterday' }));
    expect(r.texts).toEqual([
      '`sops.age[0].recipient` is not an age recipient: sops does not write that, and the guard reads it as text',
      '`sops.age[0].enc` is not an armored age file: sops does not write that, and the guard reads it as text',
      '`sops.lastmodified` is not an RFC 3339 timestamp: sops refuses to load the file',
      '`sops.mac` is not an ENC value: sops does not write that, and the guard reads it as text',
    ]);
    expect(r.trusted).toEqual([]);
    expect(r.claimsSops).toBe(false);
  });

  it("a later YAML document's sops block is checked too (sops drops it unread)", () => {
    const r = review('m.yaml', `a: ${enc()}\n${yamlMetadata()}---\nb: ${enc()}\nsops:\n  note: ${TOKEN}\n`);
    expect(r.texts).toHaveLength(1);
    expect(review('m.yaml', `a: ${enc()}\n${yamlMetadata()}---\nb: 1\nsops: ${TOKEN}\n`).texts).toEqual(['a `sops` entry that is not a mapping']);
  });

  it('free-text fields are known but never trusted', () => {
    const r = review('s.yaml', `a: ${enc()}\n${yamlMetadata('unencrypted_suffix: _plain')}`);
    expect(r.texts).toEqual([]);
    expect(r.trustedTexts.some((t) => t.includes('_plain') || t.includes('3.10.2') || t.includes('2025-01-01'))).toBe(false);
  });

  it('a field name that could be a secret is not shown', () => {
    expect(fieldName(['age', 0, 'enc'])).toBe('`sops.age[0].enc`');
    expect(fieldName([TOKEN])).toBe('`sops.…`');
  });
});

describe('metadata forms', () => {
  it('age armor: 64-column padded base64 of an age file, nothing else', () => {
    expect(form.isAgeArmor(AGE_ARMOR)).toBe(true);
    expect(form.isAgeArmor(AGE_ARMOR.replace(/\n$/, ''))).toBe(true);
    expect(form.isAgeArmor(AGE_ARMOR.replaceAll('\n', '\r\n'))).toBe(true);
    const body = 'YWdlLWVuY3J5cHRpb24ub3JnL3YxCg==';
    const armor = (...lines: string[]) => ['-----BEGIN AGE ENCRYPTED FILE-----', ...lines, '-----END AGE ENCRYPTED FILE-----'].join('\n');
    expect(form.isAgeArmor(armor(fake.genericBase64(1, 40)))).toBe(false); // not an age file
    expect(form.isAgeArmor(armor(body, TOKEN))).toBe(false);
    expect(form.isAgeArmor(armor(`${body} ${TOKEN}`))).toBe(false);
    expect(form.isAgeArmor(`${armor(body)}\n${TOKEN}`)).toBe(false);
    expect(form.isAgeArmor(armor())).toBe(false);
    expect(form.isAgeArmor(armor(body.slice(0, -2) + 'A'.repeat(64), body))).toBe(false); // a short line before the last
  });

  it('PGP armor: program headers only, base64 body, optional checksum', () => {
    expect(form.isPgpArmor(PGP_ARMOR)).toBe(true);
    expect(form.isPgpArmor(PGP_ARMOR.replace('Version: GnuPG v1\n', ''))).toBe(true);
    expect(form.isPgpArmor(PGP_ARMOR.replace('GnuPG v1', `GnuPG ${TOKEN}`))).toBe(false);
    expect(form.isPgpArmor(PGP_ARMOR.replace('=j3Rn', `=j3Rn ${TOKEN}`))).toBe(false);
    expect(form.isPgpArmor(PGP_ARMOR.replace('\n\n', '\n'))).toBe(false);
  });

  it('recipients: an SSH recipient with a comment is valid but not bare', () => {
    const ssh = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHsKLqeplhpW+uObz5dvMgjz1OxfM/XXUB+VHtZ6isGN';
    expect(form.isAgeRecipient(`${ssh} ${TOKEN}`)).toBe(true);
    expect(form.isBareAgeRecipient(ssh)).toBe(true);
    expect(form.isBareAgeRecipient(`${ssh} ${TOKEN}`)).toBe(false);
    expect(form.isAgeRecipient(TOKEN)).toBe(false);
  });

  it('ids and blobs', () => {
    expect(form.isKmsArn('arn:aws:kms:us-east-1:123456789012:alias/sops')).toBe(true);
    expect(form.isKmsArn(`arn:aws:kms:us-east-1:123456789012:key/x ${TOKEN}`)).toBe(false);
    expect(form.isKmsBlob(`${TOKEN} x`)).toBe(false);
    expect(form.isPgpFingerprint('FBC7 B9E2 A4F9 289A C0C1 D484 3D16 CEE4 A273 81B4')).toBe(true);
    expect(form.isPgpFingerprint(TOKEN)).toBe(false);
    expect(form.isTimestamp('2025-01-01T00:00:00Z')).toBe(true);
    expect(form.isTimestamp('2025-01-01T00:00:00Z\r')).toBe(false);
  });
});
