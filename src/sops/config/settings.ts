/**
 * The encryption-selection settings and `mac_only_encrypted` of a creation rule (docs/sops-format.md §1.3), read the
 * way go-yaml v3 fills config/config.go `creationRule`: string fields take any scalar's text, bool fields also take
 * YAML 1.1 words (`yes`, `on`...). A rule with none of the six settings gets sops' default
 * `unencrypted_suffix: _unencrypted`, which is also what sops writes into the file (§2.2).
 */
import type { SelectionSetting } from '../model.js';
import { SELECTION_SETTINGS } from '../stores/metadata.js';

export interface SelectionEntry {
  readonly setting: SelectionSetting;
  readonly value: string;
}

const DEFAULT_SELECTION: SelectionEntry = { setting: 'unencrypted_suffix', value: '_unencrypted' };

/** go-yaml v3 decodes these words into a typed bool (YAML 1.1 compatibility), besides true/false. */
const GO_YAML_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const GO_YAML_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);

/** The bool go-yaml v3 would decode, or undefined when it would refuse the value (null counts as false). */
export function goYamlBool(value: unknown): boolean | undefined {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && GO_YAML_TRUE.has(value)) return true;
  if (typeof value === 'string' && GO_YAML_FALSE.has(value)) return false;
  return undefined;
}

/** Text of a Go string field: any scalar's text; null, maps and lists give "". */
export function goString(value: unknown): string {
  if (value === null || value === undefined || typeof value === 'object') return '';
  return String(value);
}

/** The selection settings the rule sets (non-empty), in sops' order; more than one is a config error. */
export function selectionOfRule(rule: Readonly<Record<string, unknown>>): SelectionEntry[] {
  return SELECTION_SETTINGS.filter((s) => goString(rule[s]) !== '').map((setting) => ({ setting, value: goString(rule[setting]) }));
}

/** The one setting sops applies when encrypting with the rule (the default when none is set). */
export function effectiveSelection(selection: readonly SelectionEntry[]): SelectionEntry {
  return selection[0] ?? DEFAULT_SELECTION;
}

export function macOnlyEncryptedOfRule(rule: Readonly<Record<string, unknown>>): boolean {
  return goYamlBool(rule['mac_only_encrypted']) ?? false;
}
