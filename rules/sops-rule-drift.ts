/**
 * sops-rule-drift: an encrypted file no longer agrees with the `.sops.yaml` creation rule that governs it
 * (docs/sops-format.md §7, §10 item 4). Different master keys: someone added or removed a recipient in the rule and the
 * file was not updated (`sops updatekeys`); a removed recipient can still decrypt it. A different selection setting
 * or `mac_only_encrypted`: the file keeps the settings it was encrypted with, which only re-encryption changes.
 */
import { isSopsConfigFile } from '../src/sops/config/discovery.js';
import type { RecipientDrift } from '../src/sops/config/drift.js';
import type { SelectionEntry } from '../src/sops/config/settings.js';
import { inFilesMentioningSops, SOPS_KEYWORDS } from '../src/sops/is-sops-file.js';
import type { Rule } from '../src/types.js';
import { quote } from '../src/util/quote.js';

type Key = RecipientDrift['added'][number];

function describeKeys(keys: readonly Key[], groups: number): string {
  return keys.map((k) => `${k.type} ${quote(k.id, 'recipient')}${groups > 1 ? ` (key_groups[${k.group}])` : ''}`).join(', ');
}

function recipientMessage(path: string, where: string, drift: RecipientDrift): string {
  const groups = Math.max(drift.ruleGroups, drift.fileGroups);
  const parts: string[] = [];
  if (drift.added.length > 0) parts.push(`in the rule but not in the file: ${describeKeys(drift.added, groups)}`);
  if (drift.removed.length > 0) parts.push(`in the file but no longer in the rule (can still decrypt it): ${describeKeys(drift.removed, groups)}`);
  if (drift.ruleGroups !== drift.fileGroups) parts.push(`the rule has ${drift.ruleGroups} key group(s), the file ${drift.fileGroups}`);
  return `master keys differ from ${where}: ${parts.join('; ')}. Run \`sops updatekeys ${path}\``;
}

const SOPS_DEFAULT = "sops' default `unencrypted_suffix: _unencrypted`";
const fileSelection = (s: SelectionEntry | undefined): string =>
  s ? `with \`${s.setting}: ${quote(s.value)}\`` : `without a selection setting (${SOPS_DEFAULT})`;
const ruleSelection = (s: SelectionEntry | undefined): string => (s ? `now says \`${s.setting}: ${quote(s.value)}\`` : `sets none (${SOPS_DEFAULT})`);
const fileMacOnly = (v: boolean | undefined): string =>
  v === undefined ? 'the file has no `mac_only_encrypted` (false)' : `the file has \`mac_only_encrypted: ${v}\``;
const ruleMacOnly = (v: boolean | undefined): string =>
  v === undefined ? 'does not set `mac_only_encrypted` (false)' : `now says \`mac_only_encrypted: ${v}\``;

export const rule: Rule<undefined> = {
  meta: {
    id: 'sops-rule-drift',
    description: "an encrypted file's keys or encryption settings differ from its .sops.yaml creation rule",
    keywords: SOPS_KEYWORDS,
    defaultSeverity: 'warning',
    docs: 'docs/rules/sops-rule-drift.md',
    presentation: {
      why: 'Recipients removed from .sops.yaml can still decrypt files that were not re-encrypted.',
      securitySeverity: '4.0',
      precision: 'high',
      tags: ['security', 'sops', 'configuration'],
    },
  },
  defaultOptions: undefined,
  appliesTo: (path) => !isSopsConfigFile(path),
  check: inFilesMentioningSops(async (source, context) => {
    const governing = context.project.sopsRuleFor(source.path);
    if (!governing) return;
    // The sops parsers (YAML, RE2) load on the first file that carries sops metadata: most commits have none.
    const [{ recipientDrift, settingsDrift }, { encryptedModelOf }] = await Promise.all([
      import('../src/sops/config/drift.js'),
      import('../src/sops/file-checks.js'),
    ]);
    const model = encryptedModelOf(await source.sopsVerdict());
    if (!model) return;
    const { metadata } = model;
    const where = `creation_rules[${governing.ruleIndex}] of ${governing.configPath}`;
    const keys = recipientDrift(governing.rule, metadata.keys, metadata.keyGroupCount);
    if (keys) context.report({ message: recipientMessage(source.path, where, keys), line: metadata.line, wholeFile: true });
    const settings = settingsDrift(governing.rule, metadata, model.store);
    const reencrypt = `updatekeys and rotate keep the file's own settings; re-encrypt it: \`sops decrypt -i ${source.path}\` then \`sops encrypt -i ${source.path}\` (do not commit in between)`;
    if (settings.selection) {
      const { file, rule: ruleSetting } = settings.selection;
      context.report({
        message: `the file was encrypted ${fileSelection(file)} but ${where} ${ruleSelection(ruleSetting)}: ${reencrypt}`,
        line: metadata.line,
        wholeFile: true,
      });
    }
    if (settings.macOnlyEncrypted) {
      const { file, rule: ruleSetting } = settings.macOnlyEncrypted;
      context.report({ message: `${fileMacOnly(file)} but ${where} ${ruleMacOnly(ruleSetting)}: ${reencrypt}`, line: metadata.line, wholeFile: true });
    }
  }),
};
