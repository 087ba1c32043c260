/**
 * How an encrypted file differs from the creation rule that governs it now (docs/sops-format.md §7, §10 item 4):
 * - master keys: what `sops updatekeys` would add or remove, group by group (it compares each key's string);
 * - the selection setting and `mac_only_encrypted`, which the file keeps from when it was encrypted: updatekeys
 *   and rotate never change them, only re-encrypting from plaintext applies the rule's current values.
 */
import type { MasterKeyEntry, SopsMetadata, SopsStore } from '../model.js';
import { azureMatches, comparableId } from './recipient-ids.js';
import { keyGroupCountOf, recipientsOfRule, type ConfigRecipient } from './recipients.js';
import { effectiveSelection, macOnlyEncryptedOfRule, selectionOfRule, type SelectionEntry } from './settings.js';

type KeyLike = Pick<ConfigRecipient, 'type' | 'id' | 'group'>;

export interface RecipientDrift {
  /** In the rule, not in the file: updatekeys would add them. */
  readonly added: readonly KeyLike[];
  /** In the file, not in the rule: updatekeys would remove them. */
  readonly removed: readonly KeyLike[];
  readonly ruleGroups: number;
  readonly fileGroups: number;
}

export interface SettingsDrift {
  /**
   * Present when the file's selection setting differs from the rule's (defaults made explicit). A side that sets
   * none (sops' default `unencrypted_suffix: _unencrypted` applies) is undefined.
   */
  readonly selection?: { readonly file: SelectionEntry | undefined; readonly rule: SelectionEntry | undefined };
  /** Present when the two differ; a side that does not set the field (false) is undefined. */
  readonly macOnlyEncrypted?: { readonly file: boolean | undefined; readonly rule: boolean | undefined };
}

function sameKey(ruleKey: KeyLike, fileKey: KeyLike): boolean {
  if (ruleKey.type !== fileKey.type || ruleKey.group !== fileKey.group) return false;
  if (ruleKey.type === 'azure_kv') return azureMatches(ruleKey.id, fileKey.id);
  return comparableId(ruleKey.type, ruleKey.id) === comparableId(fileKey.type, fileKey.id);
}

export function recipientDrift(rule: Readonly<Record<string, unknown>>, fileKeys: readonly MasterKeyEntry[], fileGroups: number): RecipientDrift | undefined {
  const wanted = recipientsOfRule(rule);
  const ruleGroups = keyGroupCountOf(rule);
  const added = wanted.filter((r) => !fileKeys.some((f) => sameKey(r, f)));
  const removed = fileKeys.filter((f) => !wanted.some((r) => sameKey(r, f))).map(({ type, id, group }) => ({ type, id, group }));
  if (added.length === 0 && removed.length === 0 && ruleGroups === fileGroups) return undefined;
  return { added, removed, ruleGroups, fileGroups };
}

/**
 * Selection and `mac_only_encrypted` drift. Files in the binary store are skipped for the selection: since 3.11
 * sops ignores selection settings there and writes none (§1.5).
 */
export function settingsDrift(rule: Readonly<Record<string, unknown>>, metadata: SopsMetadata, store: SopsStore): SettingsDrift {
  const ruleSet = selectionOfRule(rule);
  const ruleSelection = effectiveSelection(ruleSet);
  const fileSelection = effectiveSelection(metadata.selection);
  const selectionDiffers = store !== 'binary' && (ruleSelection.setting !== fileSelection.setting || ruleSelection.value !== fileSelection.value);
  const ruleMacOnly = macOnlyEncryptedOfRule(rule);
  const isSet = (v: unknown): boolean => v !== undefined && v !== null;
  return {
    ...(selectionDiffers ? { selection: { file: metadata.selection[0], rule: ruleSet[0] } } : {}),
    ...(ruleMacOnly !== metadata.macOnlyEncrypted
      ? {
          macOnlyEncrypted: {
            file: isSet(metadata.raw['mac_only_encrypted']) ? metadata.macOnlyEncrypted : undefined,
            rule: isSet(rule['mac_only_encrypted']) ? ruleMacOnly : undefined,
          },
        }
      : {}),
  };
}
