/** Hand-made sops inputs for cases the public corpus lacks. Ciphertext need not decrypt: any well-formed ENC works. */

export const IV = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
export const TAG = 'AAAAAAAAAAAAAAAAAAAAAA==';

export function enc(type = 'str', data = 'QUJD'): string {
  return `ENC[AES256_GCM,data:${data},iv:${IV},tag:${TAG},type:${type}]`;
}

/** A YAML `sops:` block (2-space indent) with one age key and the given extra lines (e.g. a selection setting). */
export function yamlMetadata(...extra: string[]): string {
  return [
    'sops:',
    '  age:',
    '    - recipient: age1lzd99uklcjnc0e7d860axevet2cz99ce9pq6tzuzd05l5nr28ams36nvun',
    '      enc: |',
    '        -----BEGIN AGE ENCRYPTED FILE-----',
    '        YWdlLWVuY3J5cHRpb24ub3JnL3YxCg==',
    '        -----END AGE ENCRYPTED FILE-----',
    '  lastmodified: "2025-01-01T00:00:00Z"',
    `  mac: ${enc()}`,
    ...extra.map((l) => `  ${l}`),
    '  version: 3.10.2',
    '',
  ].join('\n');
}

/** dotenv metadata lines (flattened with the `sops_` prefix). */
export function dotenvMetadata(...extra: string[]): string {
  return [
    'sops_age__list_0__map_enc=-----BEGIN AGE ENCRYPTED FILE-----\\nYWdl\\n-----END AGE ENCRYPTED FILE-----\\n',
    'sops_age__list_0__map_recipient=age1lzd99uklcjnc0e7d860axevet2cz99ce9pq6tzuzd05l5nr28ams36nvun',
    'sops_lastmodified=2025-01-01T00:00:00Z',
    `sops_mac=${enc()}`,
    ...extra.map((l) => `sops_${l}`),
    'sops_version=3.10.2',
    '',
  ].join('\n');
}
