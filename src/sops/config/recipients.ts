/**
 * The master keys a creation rule lists, normalised like a file's MasterKeyEntry (type names and ids of
 * src/sops/model.ts), following config/config.go `getKeyGroupsFromCreationRule` (docs/sops-format.md §1.3):
 * a non-empty `key_groups` replaces the rule-level keys entirely; rule-level fields are a comma-separated string or
 * a list (`parseKeyField`); group-level fields are lists, with different names (`azure_keyvault` entries are maps,
 * `hc_vault` holds URIs where the rule level says `hc_vault_transit_uri`); `merge` concatenates other groups into
 * this one; duplicates within a group are dropped (`deduplicateKeygroup`).
 */
import { azureId, azureIdFromUrl, kmsId, pgpId, vaultIdFromUri, type RecipientType } from './recipient-ids.js';

export interface ConfigRecipient {
  readonly type: RecipientType;
  readonly id: string;
  /** Key group index: 0 for rule-level keys. */
  readonly group: number;
}

/** A recipient with where it was written: `holder[slot]` is the string or map it came from. */
export interface RecipientSource extends ConfigRecipient {
  readonly holder: object;
  readonly slot: string | number;
  /** The text as written (one item of a comma-separated string). */
  readonly written: string;
}

type Raw = Readonly<Record<string, unknown>>;

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const splitCommas = (s: string): string[] =>
  s
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');

/** Rule-level fields and how each written item becomes an id. */
const RULE_FIELDS: ReadonlyArray<readonly [string, RecipientType, (s: string) => string]> = [
  ['age', 'age', (s) => s],
  ['pgp', 'pgp', pgpId],
  ['kms', 'kms', (s) => kmsId(s)],
  ['gcp_kms', 'gcp_kms', (s) => s.replaceAll(' ', '')],
  ['azure_keyvault', 'azure_kv', azureIdFromUrl],
  ['hc_vault_transit_uri', 'hc_vault', vaultIdFromUri],
  ['hckms', 'hckms', (s) => s],
];

function ruleLevelSources(rule: Raw): RecipientSource[] {
  const out: RecipientSource[] = [];
  for (const [field, type, toId] of RULE_FIELDS) {
    const value = rule[field];
    // `parseKeyField`: a string is split on commas; list items are joined with commas and split again.
    const items: Array<[object, string | number, unknown]> = Array.isArray(value) ? value.map((item, i) => [value, i, item]) : [[rule, field, value]];
    for (const [holder, slot, item] of items) {
      if (typeof item !== 'string') continue;
      for (const written of splitCommas(item)) out.push({ type, id: toId(written), group: 0, holder, slot, written });
    }
  }
  return out;
}

const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** `seen` holds the groups already read into this one: an alias merged twice adds nothing, and alias bombs stay linear. */
function groupSources(group: unknown, index: number, seen: Set<object>): RecipientSource[] {
  if (!isRecord(group) || seen.has(group)) return [];
  seen.add(group);
  const out: RecipientSource[] = [];
  const strings = (field: string, type: RecipientType, toIds: (s: string) => string[]): void => {
    const list = listOf(group[field]);
    list.forEach((item, i) => {
      if (item === null || typeof item === 'object') return;
      for (const id of toIds(str(item))) out.push({ type, id, group: index, holder: list, slot: i, written: str(item) });
    });
  };
  const maps = (field: string, type: RecipientType, toId: (m: Record<string, unknown>) => string): void => {
    const list = listOf(group[field]);
    list.forEach((item, i) => {
      if (isRecord(item)) out.push({ type, id: toId(item), group: index, holder: list, slot: i, written: toId(item) });
    });
  };
  for (const merged of listOf(group['merge'])) out.push(...groupSources(merged, index, seen));
  // extractMasterKeys: each age item goes through MasterKeysFromRecipients, so it may itself hold commas.
  strings('age', 'age', (s) => (s === '' ? [] : s.split(',').map((p) => p.trim())));
  strings('pgp', 'pgp', (s) => [pgpId(s)]);
  maps('kms', 'kms', (m) => kmsId(str(m['arn']), str(m['role'])));
  maps('gcp_kms', 'gcp_kms', (m) => str(m['resource_id']).replaceAll(' ', ''));
  maps('hckms', 'hckms', (m) => str(m['key_id']));
  maps('azure_keyvault', 'azure_kv', (m) => azureId(str(m['vaultUrl']), str(m['key']), str(m['version'])));
  strings('hc_vault', 'hc_vault', (s) => [vaultIdFromUri(s)]);
  return out;
}

/** The rule's key groups as sops builds them: `key_groups` when it has any group, else one group of rule-level keys. */
export function keyGroupsOf(rule: Raw): unknown[] | undefined {
  const groups = rule['key_groups'];
  return Array.isArray(groups) && groups.length > 0 ? groups : undefined;
}

/** Every recipient as written, in sops' order, duplicates included (for positions in lint findings). */
export function recipientSources(rule: Raw): RecipientSource[] {
  const groups = keyGroupsOf(rule);
  return groups ? groups.flatMap((g, i) => groupSources(g, i, new Set())) : ruleLevelSources(rule);
}

/** The master keys of a creation rule (raw object as written in `.sops.yaml`), deduplicated within each group. */
export function recipientsOfRule(rule: Raw): ConfigRecipient[] {
  const seen = new Set<string>();
  const out: ConfigRecipient[] = [];
  for (const { type, id, group } of recipientSources(rule)) {
    const key = `${group}\0${type}\0${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ type, id, group });
  }
  return out;
}

/** Number of key groups sops would build from the rule (1 for rule-level keys, even when there are none). */
export function keyGroupCountOf(rule: Raw): number {
  return keyGroupsOf(rule)?.length ?? 1;
}
