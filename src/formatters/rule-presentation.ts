/**
 * How each rule presents itself to code scanning (SARIF) and GitLab's security reports: a friendly PascalCase
 * name, why it matters, the ways out, `security-severity` (GitHub's scale: 9.0+ critical, 7.0+ high, 4.0+ medium),
 * precision and tags, from the rule's own `meta.presentation`; a rule without one gets its severity's defaults.
 */
import type { Rule, RulePresentationMeta as Presentation } from '../types.js';

/** Files in the repository package.json names (test/registry.test.ts keeps the two in step). */
const REPOSITORY_BLOB_URI = 'https://github.com/secrets-guard/secrets-guard/blob/main/';

const DEFAULTS = {
  error: { why: 'An error-severity finding means a secret or its protection is at risk.', securitySeverity: '7.0', precision: 'high', tags: ['security'] },
  warning: { why: 'A warning points at something that may be a secret.', securitySeverity: '4.0', precision: 'medium', tags: ['security'] },
} as const satisfies Record<string, Presentation>;

/** `private-key` → `PrivateKey`, `secretlint/1password` → `Secretlint1password`: SARIF's PascalCase friendly name. */
export function friendlyName(id: string): string {
  let name = '';
  for (const word of id
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)) {
    // Each capital must be followed by lower-case letters or digits; a word that cannot start one joins the last.
    name += /^[a-z][a-z0-9]/.test(word) ? word[0]!.toUpperCase() + word.slice(1) : `${name ? '' : 'Rule'}${word}`;
  }
  return name || 'Rule';
}

export interface RulePresentation extends Presentation {
  /** The rule's one-line description; for a sub-rule (`secretlint/github`), its adapter's, naming the sub-rule. */
  readonly short: string;
  readonly severity: 'error' | 'warning';
  readonly helpUri: string;
  /** What to do about a finding, one sentence each. */
  readonly ways: readonly string[];
}

const WAYS = [
  'Encrypt the value with sops, or remove it and rotate the secret (git history keeps it).',
  'A false positive: end the line with a `secrets-guard-allow` comment.',
  'Existing findings you accept: `secrets-guard baseline` records them in .secrets-guard-baseline.json.',
];

/** `rule` is the rule itself, or the adapter a sub-rule id belongs to. */
export function presentationOf(id: string, rule: Rule<unknown> | undefined): RulePresentation {
  const [ruleId] = id.split('/') as [string];
  const severity = rule?.meta.defaultSeverity === 'warning' ? 'warning' : 'error';
  const short = rule && rule.meta.id === id ? rule.meta.description : `${rule?.meta.description ?? 'secret detector'} (${id})`;
  // A sub-rule (`secretlint/github`) is documented on its rule's page.
  return {
    ...(rule?.meta.presentation ?? DEFAULTS[severity]),
    short,
    severity,
    helpUri: `${REPOSITORY_BLOB_URI}${rule?.meta.docs ?? `docs/rules/${ruleId}.md`}`,
    ways: WAYS,
  };
}
