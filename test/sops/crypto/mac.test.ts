import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAC_ONLY_ENCRYPTED_INIT, MacAccumulator, macAad } from '../../../src/sops/crypto/mac.js';

describe('MAC pieces', () => {
  it('starts mac_only_encrypted hashes with SHA-256("sops") (docs/sops-format.md §5 step 1)', () => {
    expect(MAC_ONLY_ENCRYPTED_INIT.toString('hex')).toBe('8a3fd2ad54ce66527b1034f3d147be0b0b975b3bf44f72c6fdadec8176f27d69');
  });

  it('hashes plaintexts back to back, no separators, uppercase hex', () => {
    const mac = new MacAccumulator(false);
    mac.add('ab');
    mac.add(Buffer.from('c'));
    expect(mac.hex()).toBe(createHash('sha512').update('abc').digest('hex').toUpperCase());
    const only = new MacAccumulator(true);
    only.add('abc');
    expect(only.hex()).toBe(createHash('sha512').update(MAC_ONLY_ENCRYPTED_INIT).update('abc').digest('hex').toUpperCase());
  });

  it('renders lastmodified as Go time.RFC3339 for the AAD', () => {
    expect(macAad('2024-03-25T22:08:10Z')).toBe('2024-03-25T22:08:10Z');
    expect(macAad('2024-03-25T22:08:10.123456Z')).toBe('2024-03-25T22:08:10Z');
    expect(macAad('2024-03-25T22:08:10+00:00')).toBe('2024-03-25T22:08:10Z');
    expect(macAad('2024-03-25T22:08:10.5+02:00')).toBe('2024-03-25T22:08:10+02:00');
    expect(macAad(undefined)).toBe('0001-01-01T00:00:00Z');
    expect(macAad('yesterday')).toBe('yesterday');
  });
});
