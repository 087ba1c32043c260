/** Hand-made sops inputs for cases the public corpus lacks. Ciphertext need not decrypt: any well-formed ENC works. */

export const IV = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
export const TAG = 'AAAAAAAAAAAAAAAAAAAAAA==';

export function enc(type = 'str', data = 'QUJD'): string {
  return `ENC[AES256_GCM,data:${data},iv:${IV},tag:${TAG},type:${type}]`;
}

const RECIPIENT = 'age1lzd99uklcjnc0e7d860axevet2cz99ce9pq6tzuzd05l5nr28ams36nvun';
/** An armored age file (its header only: it need not decrypt, but it has the form sops writes). */
const ARMOR_LINES = ['-----BEGIN AGE ENCRYPTED FILE-----', 'YWdlLWVuY3J5cHRpb24ub3JnL3YxCg==', '-----END AGE ENCRYPTED FILE-----'];
const LASTMODIFIED = '2025-01-01T00:00:00Z';

/** A YAML `sops:` block (2-space indent) with one age key and the given extra lines (e.g. a selection setting). */
export function yamlMetadata(...extra: string[]): string {
  return [
    'sops:',
    '  age:',
    `    - recipient: ${RECIPIENT}`,
    '      enc: |',
    ...ARMOR_LINES.map((l) => `        ${l}`),
    `  lastmodified: "${LASTMODIFIED}"`,
    `  mac: ${enc()}`,
    ...extra.map((l) => `  ${l}`),
    '  version: 3.10.2',
    '',
  ].join('\n');
}

/** dotenv metadata lines (flattened with the `sops_` prefix). */
export function dotenvMetadata(...extra: string[]): string {
  return [
    `sops_age__list_0__map_enc=${ARMOR_LINES.join('\\n')}\\n`,
    `sops_age__list_0__map_recipient=${RECIPIENT}`,
    `sops_lastmodified=${LASTMODIFIED}`,
    `sops_mac=${enc()}`,
    ...extra.map((l) => `sops_${l}`),
    'sops_version=3.10.2',
    '',
  ].join('\n');
}

/** A JSON `sops` object with one age key and the given extra fields (a selection setting). */
export function jsonMetadata(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { age: [{ recipient: RECIPIENT, enc: `${ARMOR_LINES.join('\n')}\n` }], lastmodified: LASTMODIFIED, mac: enc(), ...extra, version: '3.10.2' };
}
