/**
 * Normalises the `sops` metadata of any store into SopsMetadata (sops stores/stores.go `metadata`, `ToInternal`;
 * docs/sops-format.md §2.2): master keys from the flat lists, or else from `key_groups`; the selection settings present;
 * `mac_only_encrypted` with mapstructure's weak bool typing.
 */
import type { MasterKeyEntry, MetadataLeaf, SelectionSetting, SopsMetadata } from '../model.js';

export const SELECTION_SETTINGS: readonly SelectionSetting[] = [
  'unencrypted_suffix',
  'encrypted_suffix',
  'unencrypted_regex',
  'encrypted_regex',
  'unencrypted_comment_regex',
  'encrypted_comment_regex',
];

export type KeyType = MasterKeyEntry['type'];
export const KEY_TYPES: readonly KeyType[] = ['age', 'pgp', 'kms', 'gcp_kms', 'azure_kv', 'hc_vault', 'hckms'];

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** The identifier `sops updatekeys` compares for each key type (each key source's `ToString`). */
function keyId(type: KeyType, k: Record<string, unknown>): string {
  switch (type) {
    case 'age':
      return text(k['recipient']);
    case 'pgp':
      return text(k['fp']);
    case 'kms':
      return text(k['arn']) + (k['role'] ? `+${text(k['role'])}` : '');
    case 'gcp_kms':
      return text(k['resource_id']);
    case 'azure_kv':
      return `${text(k['vault_url'])}/keys/${text(k['name'])}/${text(k['version'])}`;
    case 'hc_vault':
      return `${text(k['vault_address'])}/v1/${text(k['engine_path'])}/keys/${text(k['key_name'])}`;
    case 'hckms':
      return text(k['key_id']);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function keysOfGroup(group: Record<string, unknown>, index: number): MasterKeyEntry[] {
  return KEY_TYPES.flatMap((type) =>
    listOf(group[type])
      .filter(isRecord)
      .map((k) => ({ type, id: keyId(type, k), enc: text(k['enc']), group: index })),
  );
}

// Go strconv.ParseBool, which mapstructure's weak decoding applies to strings.
const TRUE_WORDS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

export interface MetadataPosition {
  readonly line: number;
  readonly leaves: readonly MetadataLeaf[];
}

export function normaliseMetadata(raw: Record<string, unknown>, position: MetadataPosition): SopsMetadata {
  const flat = keysOfGroup(raw, 0);
  const groups = listOf(raw['key_groups']).filter(isRecord);
  const keys = flat.length > 0 ? flat : groups.flatMap((g, i) => keysOfGroup(g, i));
  const keyGroupCount = flat.length > 0 ? 1 : groups.length;
  const selection = SELECTION_SETTINGS.filter((s) => text(raw[s]) !== '').map((setting) => ({ setting, value: text(raw[setting]) }));
  const threshold = Number(raw['shamir_threshold']);
  const optional = (field: string): string | undefined => (raw[field] === undefined || raw[field] === null ? undefined : text(raw[field]));
  const mac = optional('mac');
  const lastmodified = optional('lastmodified');
  const version = optional('version');
  const onlyEncrypted = raw['mac_only_encrypted'];
  return {
    raw,
    leaves: position.leaves,
    ...(mac !== undefined ? { mac } : {}),
    ...(lastmodified !== undefined ? { lastmodified } : {}),
    ...(version !== undefined ? { version } : {}),
    keys,
    keyGroupCount,
    ...(raw['shamir_threshold'] !== undefined && Number.isInteger(threshold) ? { shamirThreshold: threshold } : {}),
    selection,
    macOnlyEncrypted: onlyEncrypted === true || TRUE_WORDS.has(text(onlyEncrypted)),
    line: position.line,
  };
}
