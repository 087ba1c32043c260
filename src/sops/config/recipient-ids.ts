/**
 * The identifier of each master key as written in `.sops.yaml`, turned into the string sops records in a file's
 * metadata and compares in `updatekeys` (each key source's `ToString`, docs/sops-format.md §2.2, §7), so that a
 * creation rule and a file's MasterKeyEntry ids (src/sops/stores/metadata.ts) compare directly:
 *
 * - age: the recipient, trimmed (age/keysource.go `MasterKeyFromRecipient`).
 * - pgp: the fingerprint without spaces (pgp `NewMasterKeyFromFingerprint`) and without a trailing `!`
 *   (gpg's "use exactly this subkey" marker, which names the same key).
 * - kms: the ARN without spaces, `+<role ARN>` appended when a role is given (kms `NewMasterKeyFromArn`).
 * - gcp_kms: the resource ID without spaces.
 * - azure_kv: `<vaultUrl>/keys/<name>/<version>` (azkv `ToString`); the version is empty when the rule does not
 *   pin one: sops then resolves the latest version at encryption time, so an empty version matches any version.
 * - hc_vault: `<scheme://host>/v1/<engine path>/keys/<key name>` (hcvault `NewMasterKeyFromURI`).
 * - hckms: the `region:uuid` key ID.
 */

export type RecipientType = 'age' | 'pgp' | 'kms' | 'gcp_kms' | 'azure_kv' | 'hc_vault' | 'hckms';

const withoutSpaces = (s: string): string => s.replaceAll(' ', '');

export function pgpId(fingerprint: string): string {
  // gpg takes a key id with a 0x prefix and a trailing ! (this exact subkey); sops passes it on as written.
  return withoutSpaces(fingerprint).replace(/^0x/i, '').replace(/!$/, '');
}

export function kmsId(arn: string, role?: string): string {
  return withoutSpaces(arn) + (role ? `+${role}` : '');
}

export function azureId(vaultUrl: string, name: string, version: string): string {
  return `${vaultUrl}/keys/${name}/${version}`;
}

// azkv NewMasterKeyFromURL: ^(https://[^/]+)/keys/([^/]+)(/[^/]*)?$
const AZURE_URL = /^(https:\/\/[^/]+)\/keys\/([^/]+)(\/[^/]*)?$/;

/** An Azure Key Vault key URL from a rule-level `azure_keyvault`; the URL itself when sops could not parse it. */
export function azureIdFromUrl(url: string): string {
  const trimmed = url.trim();
  const m = AZURE_URL.exec(trimmed);
  if (!m) return trimmed;
  return azureId(m[1]!, m[2]!, (m[3] ?? '').slice(1));
}

const VAULT_URI = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*)([^?#]*)/;

/** A Vault transit key URI; the URI itself when sops could not parse it. */
export function vaultIdFromUri(uri: string): string {
  const trimmed = uri.trim();
  const m = VAULT_URI.exec(trimmed);
  if (!m || !/\/v\d+\/[^/]+\/[^/]+\/[^/]+/.test(m[2]!)) return trimmed;
  // hcvault engineAndKeyFromPath: the key is the last segment, the engine everything between `v1` and `keys`.
  const dirs = m[2]!.replace(/^\/+|\/+$/g, '').split('/');
  return `${m[1]}/v1/${dirs.slice(1, -2).join('/')}/keys/${dirs[dirs.length - 1]}`;
}

/**
 * The form of an id used to compare a rule with a file: pgp fingerprints compare without case or a trailing `!`
 * (the same key either way), and an azure key without a version in the rule compares by vault and name.
 */
export function comparableId(type: RecipientType, id: string): string {
  if (type === 'pgp') return pgpId(id).toUpperCase();
  return id;
}

export function azureMatches(ruleId: string, fileId: string): boolean {
  return ruleId.endsWith('/') ? fileId.startsWith(ruleId) : ruleId === fileId;
}
