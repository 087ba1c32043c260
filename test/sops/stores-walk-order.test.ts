/**
 * The strongest evidence that the parsers reproduce sops' tree: with the corpus' recovered data keys, every ENC
 * value and comment must authenticate under AAD = its leaf path (§5), and SHA-512 over the leaves in our walk
 * order (decrypted values, `macText` of plaintext ones) must equal the file's decrypted MAC.
 */
import { createDecipheriv, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEnc } from '../../src/sops/enc.js';
import { isParseFailure, parseSopsFile } from '../../src/sops/stores/index.js';

const FIXTURES = new URL('../fixtures/sops/', import.meta.url);

function gcmOpen(enc: string, key: Buffer, aad: string): string {
  const parts = parseEnc(enc)!;
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parts.iv, 'base64'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(parts.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(parts.data, 'base64')), decipher.final()]).toString('utf8');
}

const rows = readFileSync(new URL('derived-data-keys.tsv', FIXTURES), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => l.split('\t'))
  .filter((cols) => /^[0-9a-f]{64}$/.test(cols[1]!));

describe('walk order and AAD paths against real sops files', () => {
  it('covers the decryptable corpus', () => expect(rows.length).toBe(18));
  for (const [file, keyHex, , macCheck] of rows as Array<[string, string, string, string]>) {
    it(file, () => {
      const model = parseSopsFile(file, readFileSync(new URL(file, FIXTURES), 'utf8'));
      if (isParseFailure(model)) throw new Error(model.error);
      const key = Buffer.from(keyHex, 'hex');
      const hash = createHash('sha512');
      let decrypted = 0;
      for (const leaf of model.leaves) {
        const aad = leaf.path.join(':') + ':';
        const isEnc = leaf.text.startsWith('ENC[');
        const plain = isEnc ? gcmOpen(leaf.text, key, aad) : leaf.macText;
        if (isEnc) decrypted++;
        if (!leaf.isComment && leaf.type !== 'null') hash.update(plain ?? '', 'utf8');
      }
      expect(decrypted).toBeGreaterThan(0);
      const computed = hash.digest('hex').toUpperCase();
      const meta = model.metadata!;
      if (macCheck === 'MAC OK') expect(gcmOpen(meta.mac!, key, meta.lastmodified!)).toBe(computed);
      else expect(computed.startsWith(macCheck.split('computed ')[1]!)).toBe(true);
    });
  }
});
