/**
 * The shape go-yaml v3 decodes `.sops.yaml` into: config/config.go types `configFile`, `creationRule`, `keyGroup`,
 * `kmsKey`, `gcpKmsKey`, `azureKVKey`, `hckmsKey`, `destinationRule` and `StoresConfig` at sops 3.13.2
 * (docs/sops-format.md §1.2–§1.7). Keys not listed are silently ignored by sops (§1.1); a value of the wrong kind makes
 * go-yaml fail, and then sops fails for every command.
 */
import { SELECTION_SETTINGS } from '../stores/metadata.js';

export type Shape =
  | { readonly kind: 'map'; readonly name: string; readonly fields: Record<string, Shape>; readonly unknownSeverity: 'error' | 'warning' }
  | { readonly kind: 'list'; readonly of: Shape }
  /** A Go string: any scalar. */
  | { readonly kind: 'scalar' }
  | { readonly kind: 'int' }
  | { readonly kind: 'bool' }
  /** `interface{}` read by `parseKeyField`: a string, or a list of strings. */
  | { readonly kind: 'keyField' }
  | { readonly kind: 'any' };

const scalar: Shape = { kind: 'scalar' };
const int: Shape = { kind: 'int' };
const bool: Shape = { kind: 'bool' };
const keyField: Shape = { kind: 'keyField' };
const any: Shape = { kind: 'any' };
const list = (of: Shape): Shape => ({ kind: 'list', of });
const map = (name: string, fields: Record<string, Shape>, unknownSeverity: 'error' | 'warning' = 'error'): Shape & { kind: 'map' } => ({
  kind: 'map',
  name,
  fields,
  unknownSeverity,
});

const KEY_GROUP = map('key group', {
  kms: list(map('kms entry', { arn: scalar, role: scalar, context: any, aws_profile: scalar })),
  gcp_kms: list(map('gcp_kms entry', { resource_id: scalar })),
  hckms: list(map('hckms entry', { key_id: scalar })),
  azure_keyvault: list(map('azure_keyvault entry', { vaultUrl: scalar, key: scalar, version: scalar })),
  hc_vault: list(scalar),
  age: list(scalar),
  pgp: list(scalar),
});
KEY_GROUP.fields['merge'] = list(KEY_GROUP);

const creationRuleFields = (): Record<string, Shape> => ({
  path_regex: scalar,
  kms: keyField,
  aws_profile: scalar,
  age: keyField,
  pgp: keyField,
  gcp_kms: keyField,
  hckms: list(scalar),
  azure_keyvault: keyField,
  hc_vault_transit_uri: keyField,
  key_groups: list(KEY_GROUP),
  shamir_threshold: int,
  ...Object.fromEntries(SELECTION_SETTINGS.map((f) => [f, scalar])),
  mac_only_encrypted: bool,
});

const CREATION_RULE = map('creation rule', creationRuleFields());

const DESTINATION_RULE = map(
  'destination rule',
  {
    path_regex: scalar,
    s3_bucket: scalar,
    s3_prefix: scalar,
    gcs_bucket: scalar,
    gcs_prefix: scalar,
    vault_path: scalar,
    vault_address: scalar,
    vault_kv_mount_name: scalar,
    vault_kv_version: int,
    recreation_rule: map('recreation rule', creationRuleFields(), 'warning'),
    omit_extensions: bool,
  },
  'warning',
);

const indent = (name: string): Shape => map(name, { indent: int }, 'warning');
const STORES = map(
  'stores section',
  {
    dotenv: map('stores.dotenv', {}, 'warning'),
    ini: map('stores.ini', {}, 'warning'),
    json_binary: indent('stores.json_binary'),
    json: indent('stores.json'),
    yaml: indent('stores.yaml'),
  },
  'warning',
);

export const CONFIG_FILE = map('top-level', {
  creation_rules: list(CREATION_RULE),
  destination_rules: list(DESTINATION_RULE),
  stores: STORES,
});

/** Names people write by mistake where sops expects another name (often the other level's spelling). */
const KNOWN_MISTAKES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'creation rule': { azure_kv: 'azure_keyvault', hc_vault: 'hc_vault_transit_uri', hc_vault_uris: 'hc_vault_transit_uri', path: 'path_regex' },
  'key group': { azure_kv: 'azure_keyvault', hc_vault_transit_uri: 'hc_vault', hc_vault_uris: 'hc_vault', key_groups: 'merge' },
  'azure_keyvault entry': { vault_url: 'vaultUrl', vaultURL: 'vaultUrl', vaulturl: 'vaultUrl', name: 'key' },
  'destination rule': { reencryption_rule: 'recreation_rule', creation_rule: 'recreation_rule' },
  'top-level': { creation_rule: 'creation_rules', rules: 'creation_rules' },
};

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The known key a misspelt one most likely meant, if any is close (case, `-` for `_`, a few edits). */
export function suggestKey(shape: Shape & { kind: 'map' }, key: string): string | undefined {
  const known = KNOWN_MISTAKES[shape.name]?.[key];
  if (known) return known;
  const normal = (s: string): string => s.toLowerCase().replaceAll('-', '_');
  let best: { name: string; distance: number } | undefined;
  for (const name of Object.keys(shape.fields)) {
    const distance = editDistance(normal(key), normal(name));
    if (distance <= Math.max(1, Math.floor(name.length / 4)) && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
