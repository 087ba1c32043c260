/**
 * The test encoder (test/helpers/sops-encoder.ts) writes files that the store parsers read and the verifier accepts,
 * in every store and selection setting, with mac_only_encrypted, several documents and Shamir key groups. The
 * verifier itself is proven on the real corpus (verify-corpus.test.ts), so agreement here means the encoder writes
 * what sops would.
 */
import { generateIdentity, identityToRecipient } from 'age-encryption';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unwrapDataKey } from '../../src/sops/crypto/age-data-key.js';
import { verifySopsFile, type VerificationResult } from '../../src/sops/crypto/verify.js';
import type { SopsFileModel } from '../../src/sops/model.js';
import { parseSopsFile } from '../../src/sops/stores/index.js';
import { comment, encodeSopsFile, float, type EncodeSopsOptions, type EncoderStore, type PlainMap } from '../helpers/sops-encoder.js';
import { bumpLastmodified, encOf, replaceEnc } from './tamper.js';

const EXT: Record<EncoderStore, string> = { yaml: 'yaml', json: 'json', dotenv: 'env', ini: 'ini' };

function parse(store: EncoderStore, content: string): SopsFileModel {
  const model = parseSopsFile(`secret.enc.${EXT[store]}`, content);
  if ('error' in model) throw new Error(`parse failed: ${model.error}\n${content}`);
  return model;
}

/** Encodes, parses, recovers the data key with the generated identities, verifies. */
async function roundTrip(
  options: EncodeSopsOptions,
  identities?: readonly string[],
): Promise<{ content: string; model: SopsFileModel; result: VerificationResult; encrypted: string[]; plain: string[] }> {
  const file = await encodeSopsFile(options);
  const model = parse(options.store, file.content);
  const key = await unwrapDataKey(model.metadata!, identities ?? file.identities);
  expect(Buffer.from(key!)).toEqual(Buffer.from(file.dataKey));
  const pathsOf = (encrypted: boolean) => file.leaves.filter((l) => !l.isComment && l.encrypted === encrypted).map((l) => l.path.join('.'));
  return { content: file.content, model, result: verifySopsFile(model, key!), encrypted: pathsOf(true), plain: pathsOf(false) };
}

const FLAT: PlainMap = { API_KEY: 'sk-live-abc123', DB_PASSWORD: 'hunter2 with spaces', PORT_unencrypted: '5432', MULTI: 'line one\nline two' };

describe('encodeSopsFile: every store, default selection', () => {
  for (const store of ['yaml', 'json', 'dotenv'] as const) {
    it(`${store}: parses, opens with the generated identity, verifies`, async () => {
      const r = await roundTrip({ store, data: FLAT });
      expect(r.result).toEqual({ ok: true });
      expect(r.model.store).toBe(store);
      expect(r.encrypted).toEqual(['API_KEY', 'DB_PASSWORD', 'MULTI']);
      expect(r.plain).toEqual(['PORT_unencrypted']);
      expect(r.content).not.toContain('sk-live-abc123');
      expect(r.content).toContain('5432');
      expect(r.model.metadata!.selection).toEqual([{ setting: 'unencrypted_suffix', value: '_unencrypted' }]);
    });
  }

  it('ini: sections of strings', async () => {
    const r = await roundTrip({ store: 'ini', data: { database: { password: 'hunter2', port_unencrypted: '5432' }, api: { token: 'tok-1' } } });
    expect(r.result).toEqual({ ok: true });
    expect(r.encrypted).toEqual(['database.password', 'api.token']);
    expect(r.content).toMatch(/^port_unencrypted = 5432$/m);
    expect(r.model.leaves.filter((l) => !l.isComment).map((l) => l.path.join('.'))).toEqual(['database.password', 'database.port_unencrypted', 'api.token']);
  });

  it('yaml: nested maps, lists, every scalar type, null and "" left alone, comments encrypted', async () => {
    const data: PlainMap = {
      '#head': ' a head comment',
      app: { db: { password: 'pw', port: 5432, ratio: 0.25, whole: float(2), enabled: true, none: null, empty: '' } },
      list: ['one', comment(' inside a list'), { name: 'n', value: 'v' }, ['x', 'y']],
    };
    const r = await roundTrip({ store: 'yaml', data });
    expect(r.result).toEqual({ ok: true });
    expect(r.content).toMatch(/^\s+none: null$/m);
    expect(r.content).toMatch(/^\s+empty: ""$/m);
    expect(r.content).toMatch(/^#ENC\[AES256_GCM,.*type:comment\]$/m);
    expect(r.content).toMatch(/type:float\]/);
    expect(r.content).not.toContain('a head comment');
    const types = r.model.leaves.filter((l) => !l.isComment).map((l) => l.type);
    expect(types).toEqual(['str', 'str', 'str', 'str', 'str', 'null', 'str', 'str', 'str', 'str', 'str', 'str']);
  });
});

describe('encodeSopsFile: selection settings', () => {
  const k8s: PlainMap = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db' },
    data: { password: 'cGFzcw==', nested: { deep: 'x' } },
    stringData: { token: 't0k' },
  };

  const cases: Array<[string, EncodeSopsOptions['selection'], string[]]> = [
    ['encrypted_regex', { setting: 'encrypted_regex', value: '^(data|stringData)$' }, ['data.password', 'data.nested.deep', 'stringData.token']],
    ['unencrypted_regex', { setting: 'unencrypted_regex', value: '^(apiVersion|kind|metadata)$' }, ['data.password', 'data.nested.deep', 'stringData.token']],
    ['encrypted_suffix', { setting: 'encrypted_suffix', value: 'Data' }, ['stringData.token']],
    ['unencrypted_suffix', { setting: 'unencrypted_suffix', value: 'ion' }, ['kind', 'metadata.name', 'data.password', 'data.nested.deep', 'stringData.token']],
  ];
  for (const [name, selection, encrypted] of cases) {
    for (const store of ['yaml', 'json'] as const) {
      it(`${name} (${store})`, async () => {
        const r = await roundTrip({ store, data: k8s, ...(selection ? { selection } : {}) });
        expect(r.result).toEqual({ ok: true });
        expect(r.encrypted).toEqual(encrypted);
        expect(r.model.metadata!.selection).toEqual([selection]);
      });
    }
  }

  it('encrypted_regex on dotenv keys', async () => {
    const r = await roundTrip({
      store: 'dotenv',
      data: { PUBLIC_URL: 'https://x', SECRET_TOKEN: 'abc' },
      selection: { setting: 'encrypted_regex', value: '^SECRET_' },
    });
    expect(r.result).toEqual({ ok: true });
    expect(r.encrypted).toEqual(['SECRET_TOKEN']);
    expect(r.content).toMatch(/^PUBLIC_URL=https:\/\/x$/m);
    expect(r.content).toMatch(/^sops_encrypted_regex=\^SECRET_$/m);
  });

  it('unencrypted_comment_regex and encrypted_comment_regex follow the comment stack', async () => {
    const data: PlainMap = { '#1': ' sops:plain', shown: 'visible', hidden: 'secret-1', block: { '#2': ' sops:plain', inner: 'visible-too' } };
    const plain = await roundTrip({ store: 'yaml', data, selection: { setting: 'unencrypted_comment_regex', value: 'sops:plain' } });
    expect(plain.result).toEqual({ ok: true });
    expect(plain.encrypted).toEqual(['hidden']);
    expect(plain.content).toContain('# sops:plain');

    const marked: PlainMap = { '#1': ' sops:enc', secret: 's3', open: 'o', group: { '#2': ' sops:enc', a: 'x' } };
    const enc = await roundTrip({ store: 'yaml', data: marked, selection: { setting: 'encrypted_comment_regex', value: 'sops:enc' } });
    expect(enc.result).toEqual({ ok: true });
    expect(enc.encrypted).toEqual(['secret', 'group.a']);
    expect(enc.content.match(/# sops:enc/g)).toHaveLength(2); // the marker itself stays plaintext
  });
});

describe('encodeSopsFile: MAC variants, documents, key groups', () => {
  it('mac_only_encrypted: a plaintext value added later keeps the MAC valid; without it the MAC breaks', async () => {
    const data = { token: 'secret', note_unencrypted: 'hello' };
    for (const macOnlyEncrypted of [true, false]) {
      const file = await encodeSopsFile({ store: 'yaml', data, macOnlyEncrypted });
      const edited = file.content.replace('note_unencrypted: "hello"', 'note_unencrypted: "changed"');
      expect(edited).not.toBe(file.content);
      const model = parse('yaml', edited);
      expect(model.metadata!.macOnlyEncrypted).toBe(macOnlyEncrypted);
      expect(verifySopsFile(model, file.dataKey).ok).toBe(macOnlyEncrypted);
    }
  });

  it('multi-document YAML: every document carries the metadata; the MAC covers all of them in order', async () => {
    const file = await encodeSopsFile({
      store: 'yaml',
      data: [
        { a: 'first', b: 'x' },
        { a: 'second', b: 'y' },
      ],
    });
    expect(file.content.match(/^sops:$/gm)).toHaveLength(2);
    const model = parse('yaml', file.content);
    expect(model.leaves.map((l) => l.document)).toEqual([0, 0, 1, 1]);
    expect(verifySopsFile(model, file.dataKey)).toEqual({ ok: true });
    // Same path in both documents means the same AAD: swapping `a` across documents passes GCM but not the MAC.
    const [docA, docB] = file.content.split(/^---\n/m) as [string, string];
    const swapped = replaceEnc(docA, 'a', encOf(docB, 'a')) + '---\n' + replaceEnc(docB, 'a', encOf(docA, 'a'));
    expect(verifySopsFile(parse('yaml', swapped), file.dataKey)).toEqual({
      ok: false,
      problems: [{ kind: 'mac-mismatch', reason: 'mismatch', message: 'MAC mismatch' }],
    });
  });

  it('Shamir key groups: any threshold of the groups opens the file, fewer do not', async () => {
    const ids = await Promise.all([generateIdentity(), generateIdentity(), generateIdentity()]);
    const recipients = await Promise.all(ids.map((id) => identityToRecipient(id)));
    const options: EncodeSopsOptions = { store: 'yaml', data: { k: 'v' }, keyGroups: recipients.map((r) => [r]), shamirThreshold: 2 };
    const r = await roundTrip(options, [ids[0]!, ids[2]!]);
    expect(r.result).toEqual({ ok: true });
    expect(r.model.metadata!.keyGroupCount).toBe(3);
    expect(r.model.metadata!.shamirThreshold).toBe(2);
    expect(await unwrapDataKey(r.model.metadata!, [ids[1]!])).toBeUndefined();
  });

  it('several recipients in one group, each able to open the file alone (dotenv: escaped armor)', async () => {
    const ids = await Promise.all([generateIdentity(), generateIdentity()]);
    const recipients = await Promise.all(ids.map((id) => identityToRecipient(id)));
    const file = await encodeSopsFile({ store: 'dotenv', data: { K: 'v' }, recipients });
    const model = parse('dotenv', file.content);
    for (const id of ids) expect(Buffer.from((await unwrapDataKey(model.metadata!, [id]))!)).toEqual(Buffer.from(file.dataKey));
  });

  it('a caller-chosen data key and lastmodified are used as given', async () => {
    const dataKey = Buffer.alloc(32, 0x42);
    const file = await encodeSopsFile({ store: 'json', data: { a: 'b' }, dataKey, lastmodified: '2025-01-02T03:04:05Z' });
    const model = parse('json', file.content);
    expect(model.metadata!.lastmodified).toBe('2025-01-02T03:04:05Z');
    expect(verifySopsFile(model, dataKey)).toEqual({ ok: true });
    expect(verifySopsFile(parse('json', bumpLastmodified(file.content)), dataKey)).toMatchObject({ ok: false, problems: [{ reason: 'undecryptable-mac' }] });
  });

  it('any flat data round-trips in YAML and JSON (property)', async () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/).filter((k) => k !== 'sops');
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), fc.constantFrom<EncoderStore>('yaml', 'json'), async (data, store) => {
        const r = await roundTrip({ store, data });
        expect(r.result).toEqual({ ok: true });
      }),
      { numRuns: 40 },
    );
  });
});
