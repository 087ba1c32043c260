/**
 * How each rule presents itself to code scanning (SARIF) and GitLab's security reports: a friendly PascalCase
 * name, why it matters (from the rule's page in docs/rules/), the ways out, `security-severity` (GitHub's scale:
 * 9.0+ critical, 7.0+ high, 4.0+ medium), precision and tags. A rule missing here gets its severity's defaults.
 */
import type { Rule } from '../types.js';

/** Each rule's page in the repository package.json names (test/registry.test.ts keeps the two in step). */
const RULE_DOCS_URI = 'https://github.com/secrets-guard/secrets-guard/blob/main/docs/rules/';

interface Presentation {
  readonly why: string;
  readonly securitySeverity: string;
  readonly precision: 'very-high' | 'high' | 'medium' | 'low';
  readonly tags: readonly string[];
}

const SECRET = ['security', 'secret'];
const SOPS = ['security', 'sops'];

const PRESENTATIONS: Readonly<Record<string, Presentation>> = {
  'decrypted-twin': { why: 'The output of `sops decrypt` left next to the encrypted file is every secret of it in plaintext.', securitySeverity: '9.0', precision: 'high', tags: [...SECRET, 'sops'] },
  'high-entropy-string': { why: 'Credentials without a recognisable prefix (signing secrets, generated passwords) only show as random-looking strings.', securitySeverity: '5.0', precision: 'medium', tags: [...SECRET, 'entropy'] },
  'plaintext-env-file': { why: 'A plaintext .env is the most common way a credential reaches a repository.', securitySeverity: '7.5', precision: 'high', tags: [...SECRET, 'dotenv'] },
  'plaintext-tfvars': { why: 'tfvars files carry the provider tokens and database passwords Terraform code needs, readable by anyone with the repository.', securitySeverity: '7.5', precision: 'high', tags: [...SECRET, 'terraform'] },
  'private-key': { why: 'A private key gives whoever reads it the identity it stands for, and git history keeps it after the file is deleted.', securitySeverity: '9.5', precision: 'very-high', tags: [...SECRET, 'private-key'] },
  secretlint: { why: 'A live credential in a documented token format can be used at once by whoever finds it.', securitySeverity: '9.0', precision: 'high', tags: [...SECRET, 'token'] },
  'sops-config': { why: 'Mistakes in .sops.yaml rarely fail loudly: they encrypt nothing, everything, or to the wrong people.', securitySeverity: '6.0', precision: 'high', tags: [...SOPS, 'configuration'] },
  'sops-mac-mismatch': { why: 'The file was changed without sops, and sops refuses to decrypt it at the next deployment.', securitySeverity: '6.5', precision: 'very-high', tags: [...SOPS, 'integrity'] },
  'sops-metadata': { why: 'Broken sops metadata makes sops refuse the file at deploy time or silently lose its integrity check.', securitySeverity: '5.0', precision: 'high', tags: [...SOPS, 'integrity'] },
  'sops-nothing-encrypted': { why: 'The metadata makes the file look protected while every value in it is readable.', securitySeverity: '8.5', precision: 'high', tags: [...SECRET, 'sops'] },
  'sops-plaintext-value': { why: 'The file looks encrypted, but this value is readable by anyone with access to the repository.', securitySeverity: '9.0', precision: 'high', tags: [...SECRET, 'sops'] },
  'sops-rule-drift': { why: 'Recipients removed from .sops.yaml can still decrypt files that were not re-encrypted.', securitySeverity: '4.0', precision: 'high', tags: [...SOPS, 'configuration'] },
  'sops-undecryptable-value': { why: 'A value moved or copied from another key or file stops `sops decrypt`, so the file cannot be deployed.', securitySeverity: '5.0', precision: 'very-high', tags: [...SOPS, 'integrity'] },
  'sops-unencrypted-file': { why: 'A creation rule says files at this path hold secrets, and this one is not encrypted.', securitySeverity: '8.5', precision: 'high', tags: [...SECRET, 'sops'] },
  'terraform-state': { why: 'Terraform state records every attribute of every resource in plaintext, generated passwords and keys included.', securitySeverity: '8.5', precision: 'very-high', tags: [...SECRET, 'terraform'] },
};

const DEFAULTS = {
  error: { why: 'An error-severity finding means a secret or its protection is at risk.', securitySeverity: '7.0', precision: 'high', tags: ['security'] },
  warning: { why: 'A warning points at something that may be a secret.', securitySeverity: '4.0', precision: 'medium', tags: ['security'] },
} as const satisfies Record<string, Presentation>;

/** `private-key` → `PrivateKey`, `secretlint/1password` → `Secretlint1password`: SARIF's PascalCase friendly name. */
export function friendlyName(id: string): string {
  let name = '';
  for (const word of id.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)) {
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
  return { ...(PRESENTATIONS[ruleId] ?? DEFAULTS[severity]), short, severity, helpUri: `${RULE_DOCS_URI}${ruleId}.md`, ways: WAYS };
}
