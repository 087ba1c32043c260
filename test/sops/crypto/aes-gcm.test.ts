import { describe, expect, it } from 'vitest';
import { formatEnc, openParts, sealParts, valueAad, ValueAuthenticationError, type EncParts } from '../../../src/sops/crypto/aes-gcm.js';
import { dataKeyOf } from '../fixtures.js';

/** Decodes an ENC string for this test only (the real grammar lives in src/sops/enc.ts). */
function parts(enc: string): EncParts {
  const m = /^ENC\[AES256_GCM,data:(.*),iv:(.*),tag:(.*),type:(.*)\]$/.exec(enc)!;
  const b = (s: string) => Buffer.from(s, 'base64');
  return { data: b(m[1]!), iv: b(m[2]!), tag: b(m[3]!), type: m[4]! };
}

const humphdKey = dataKeyOf('humphd-sops-age/tests/data/secret.enc.yaml');
// `int` from humphd-sops-age/tests/data/secret.enc.yaml; its plaintext in that repo's tests/data/secret.json is 7.
const INT_VALUE = 'ENC[AES256_GCM,data:Ag==,iv:7mZlIiottanvOoufMaIRtOYNmq0yr3E0HBbChYkB7sc=,tag:FSHs1hYNQEkBAFCRYbcEUw==,type:int]';

describe('AES-256-GCM with 32-byte IVs', () => {
  it('builds the AAD from the key path', () => {
    expect(valueAad(['app2', 'db', 'password'])).toBe('app2:db:password:');
    expect(valueAad([])).toBe(':');
  });

  it('opens a real sops value under its path', () => {
    const opened = openParts(humphdKey, parts(INT_VALUE), 'int:');
    expect(opened.toString('utf8')).toBe('7');
  });

  it('refuses the same value under another path, another key, or with a flipped bit', () => {
    expect(() => openParts(humphdKey, parts(INT_VALUE), 'float:')).toThrow(ValueAuthenticationError);
    expect(() => openParts(Buffer.alloc(32, 7), parts(INT_VALUE), 'int:')).toThrow(ValueAuthenticationError);
    const p = parts(INT_VALUE);
    const tampered = { ...p, data: Buffer.from([p.data[0]! ^ 1]) };
    expect(() => openParts(humphdKey, tampered, 'int:')).toThrow(ValueAuthenticationError);
  });

  it('refuses short IVs and tags rather than accepting a truncated tag', () => {
    const p = parts(INT_VALUE);
    expect(() => openParts(humphdKey, { ...p, tag: p.tag.subarray(0, 12) }, 'int:')).toThrow(ValueAuthenticationError);
    expect(() => openParts(humphdKey, { ...p, iv: p.iv.subarray(0, 12) }, 'int:')).toThrow(ValueAuthenticationError);
  });

  it('re-sealing with the same IV reproduces the file byte for byte', () => {
    const p = parts(INT_VALUE);
    const plaintext = openParts(humphdKey, p, 'int:');
    expect(formatEnc(sealParts(humphdKey, plaintext, 'int:', 'int', p.iv))).toBe(INT_VALUE);
  });

  it('writes standard padded base64 with a 32-byte IV and a 16-byte tag', () => {
    const enc = formatEnc(sealParts(Buffer.alloc(32, 1), 'hello', 'a:', 'str'));
    expect(enc).toMatch(/^ENC\[AES256_GCM,data:[A-Za-z0-9+/]{7}=,iv:[A-Za-z0-9+/]{43}=,tag:[A-Za-z0-9+/]{22}==,type:str\]$/);
    expect(openParts(Buffer.alloc(32, 1), parts(enc), 'a:').toString()).toBe('hello');
  });

  it('rejects a data key that is not 32 bytes', () => {
    expect(() => sealParts(Buffer.alloc(16), 'x', ':', 'str')).toThrow(RangeError);
  });
});
