/**
 * Which values of a plaintext file `sops encrypt` would encrypt under a creation rule: the rule's selection setting
 * applied as sops applies it (selection.ts), keeping only values that can carry a secret. A plaintext file under a
 * path rule is an unencrypted secret file only when this is not empty: under `encrypted_regex: ^(data|stringData)$`
 * a HelmRelease with neither key would come out of sops exactly as it went in.
 *
 * Read the strict way wherever sops' own outcome is no guide: a rule with several selection settings (sops refuses
 * it) or a regex that is not RE2 (sops then matches nothing, surely not what the team meant) selects every value.
 * The binary store ignores selection settings (sops 3.11, docs/sops-format.md §1.5): its one value is encrypted.
 * dotenv and INI files are flat `name=value` settings: a selection that skips all of them is the known pitfall of
 * a Kubernetes-shaped `encrypted_regex` applied to a `.env` (getsops/sops#1886), not a sign that nothing there is
 * secret, so their values count whatever the selection (`unselected` says so, for the message).
 */
import { selectionOfRule } from './config/settings.js';
import type { SopsFileModel, SopsLeaf } from './model.js';
import { isValidRe2, shouldBeEncrypted, type Selection } from './selection.js';

/** A Kubernetes object name (DNS-1123 subdomain): what a `name` key holds when it points at a Secret. */
const OBJECT_NAME = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;

/**
 * A value that can carry a secret. Not: null or "" (sops leaves them as they are), a boolean (a switch such as
 * `secret: false` or `secret.create: false`), and an object name under a `name` key (`secret.name: app-secret` is
 * the reference Helm charts take to an existing Secret, not its content). A comment can (`# password: ...`).
 */
function canCarrySecret(leaf: SopsLeaf): boolean {
  if (leaf.isComment) return leaf.text.trim() !== '';
  if (leaf.type === 'null' || leaf.type === 'bool') return false;
  if (leaf.type !== 'str') return true;
  if (leaf.text === '') return false;
  return !(leaf.path.at(-1) === 'name' && OBJECT_NAME.test(leaf.text));
}

/** The selection sops would apply to the file's values; undefined when every value counts (see the header). */
function selectionFor(model: SopsFileModel, rule: Readonly<Record<string, unknown>>): Selection | undefined {
  if (model.store === 'binary') return undefined;
  const selection = selectionOfRule(rule);
  if (selection.length > 1) return undefined;
  if (selection.some((s) => s.setting.endsWith('_regex') && !isValidRe2(s.value))) return undefined;
  return selection;
}

export interface PlaintextValues {
  /** The values that can carry a secret and count against the file, in file order (empty: nothing to encrypt). */
  readonly values: readonly SopsLeaf[];
  /** True when the rule's selection skips every one of them (a dotenv or INI file, see the header). */
  readonly unselected: boolean;
}

/** The values of `model` (a file without sops metadata) that `rule` asks sops to encrypt and that can carry a secret. */
export function valuesSopsWouldEncrypt(model: SopsFileModel, rule: Readonly<Record<string, unknown>>): PlaintextValues {
  const carriers = model.leaves.filter(canCarrySecret);
  const selection = selectionFor(model, rule);
  const selected = selection === undefined ? carriers : carriers.filter((leaf) => shouldBeEncrypted(leaf, selection));
  const flat = model.store === 'dotenv' || model.store === 'ini';
  if (selected.length === 0 && flat) return { values: carriers, unselected: carriers.length > 0 };
  return { values: selected, unselected: false };
}
