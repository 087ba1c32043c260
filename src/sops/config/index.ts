/**
 * `.sops.yaml` support: parse (parse.ts), governing config and rule lookup (discovery.ts, match.ts, lookup.ts),
 * recipients normalised like file metadata (recipients.ts), lint (lint.ts) and rule drift (drift.ts).
 */
export type { ConfigDiagnostic } from './diagnostic.js';
export { governingConfig, isSopsConfigFile, SOPS_CONFIG_NAME } from './discovery.js';
export { recipientDrift, settingsDrift, type RecipientDrift, type SettingsDrift } from './drift.js';
export { lintSopsConfig } from './lint.js';
export { createSopsRuleLookup, type SopsConfigText, type SopsRuleLookup } from './lookup.js';
export { findCreationRule, pathForMatching, type RuleMatch } from './match.js';
export { parseSopsConfig, type CreationRule, type ParsedSopsConfig, type SopsConfig } from './parse.js';
export { recipientsOfRule, type ConfigRecipient } from './recipients.js';
