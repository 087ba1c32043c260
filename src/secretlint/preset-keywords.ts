/**
 * Keywords for the rules of secretlint's recommended preset (13.0.x), in the manner of gitleaks' per-rule
 * `keywords`: a rule can report on a text only if the text contains one of its keywords, compared without case.
 * Each list was derived from the rule's regular expressions (the literal every match must contain: `ghp_` for
 * `ghp_[A-Za-z0-9]{36}`, one keyword per alternative) and checked by generating matches of every pattern.
 * test/secretlint/prefilter.test.ts holds the check that keeps this honest: every rule of the installed preset
 * must be listed here, and the filtered preset must report exactly what the whole preset reports.
 *
 * A rule the table does not know (a newer preset) always runs: the filter may only ever skip work.
 */

const RULE = '@secretlint/secretlint-rule-';

/**
 * The preset version this table was checked against. With exactly this version installed, the table also stands
 * for the preset's list of rules, so a commit whose files hold no keyword never loads the preset module.
 */
export const PRESET_KEYWORDS_CHECKED_AGAINST = '13.0.7';

/** When a rule needs more than its content keywords to decide. */
export interface RuleTrigger {
  /** Lower-case literals; the rule may run when any occurs in the text (case-insensitively). */
  readonly keywords: readonly string[];
  /** Extensions (with the dot, as secretlint's `source.ext`) on which the rule runs whatever the content. */
  readonly alwaysOnExtensions?: readonly string[];
  /** When set, the rule reports only on these extensions: skipped elsewhere even if a keyword occurs. */
  readonly onlyExtensions?: readonly string[];
  /**
   * After a keyword hit, the rule runs only if this also matches: a loosening of the rule's own pattern, for
   * keywords too common to decide alone (every URL has `https://`; few carry a password).
   */
  readonly confirm?: RegExp;
}

const words = (...keywords: string[]): RuleTrigger => ({ keywords: keywords.map((k) => k.toLowerCase()) });

/**
 * `enableIDScanRule` (off by default) makes the aws rule also report access key ids and account ids; a team's
 * .secretlintrc can turn it on, and then these keywords count too.
 */
/** The owner of secretlint's aws keywords that count only with its `enableIDScanRule` option. */
export const AWS_ID_SCAN_OWNER = 'secretlint:aws-id-scan';

/** The preset's keywords by owner (`secretlint:<rule id>`, and the aws id scan's): what the secretlint rule declares. */
export function presetKeywordOwners(): Record<string, readonly string[]> {
  return {
    ...Object.fromEntries(Object.entries(PRESET_TRIGGERS).map(([id, trigger]) => [`secretlint:${id}`, trigger.keywords])),
    [AWS_ID_SCAN_OWNER]: AWS_ID_SCAN_KEYWORDS,
  };
}

export const AWS_ID_SCAN_KEYWORDS = ['account', 'a3t', 'akia', 'agpa', 'aida', 'aroa', 'aipa', 'anpa', 'anva', 'asia'];

export const PRESET_TRIGGERS: Readonly<Record<string, RuleTrigger>> = {
  // `(AWS|aws|Aws)?_?(SECRET|secret|Secret)_?(ACCESS|access|Access)_?(KEY|key|Key)...`: "secret", an optional
  // underscore, "access". The id patterns only with enableIDScanRule (see AWS_ID_SCAN_KEYWORDS).
  [`${RULE}aws`]: words('secretaccess', 'secret_access'),
  // JSON service-account keys: JSON.parse, so `\u` escapes can spell any key name; without one, "private_key"
  // must appear as written. Only `.json` and `.p12` files are looked at (the .p12 branch reads the file's
  // bytes itself, so the content says nothing about it).
  [`${RULE}gcp`]: { keywords: ['private_key', '\\u'], onlyExtensions: ['.json', '.p12'], alwaysOnExtensions: ['.p12'] },
  [`${RULE}privatekey`]: words('-----BEGIN'),
  // npm_ tokens, `_authToken=` in .npmrc, and tokens in git URLs of package.json.
  [`${RULE}npm`]: words('npm_', '_authToken=', 'x-oauth-basic'),
  // `(?<protocol>(?:https?|ftp|ftps)):\/\/(?<user>[-a-zA-Z0-9_]{1,256}):(?<password>[-a-zA-Z0-9_]{1,256})@host`: its
  // only pattern; the confirmation drops the length bounds and the host.
  [`${RULE}basicauth`]: { ...words('http://', 'https://', 'ftp://', 'ftps://'), confirm: /(?:https?|ftps?):\/\/[-a-z0-9_]+:[-a-z0-9_]+@/i },
  [`${RULE}slack`]: words('xox', 'xapp', 'hooks.slack.com'),
  [`${RULE}sendgrid`]: words('SG.'),
  [`${RULE}shopify`]: words('shppa_', 'shpca_', 'shpat_', 'shpss_'),
  [`${RULE}stripe`]: words('sk_live_', 'sk_test_', 'rk_live_', 'rk_test_'),
  [`${RULE}github`]: words('ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'),
  [`${RULE}gitlab`]: words('glpat-'),
  [`${RULE}grafana`]: words('glc_', 'glsa_'),
  // Every OpenAI key embeds "T3BlbkFJ" (base64 of "OpenAI").
  [`${RULE}openai`]: words('T3BlbkFJ'),
  [`${RULE}anthropic`]: words('sk-ant-'),
  [`${RULE}groq`]: words('gsk_'),
  [`${RULE}huggingface`]: words('hf_'),
  [`${RULE}linear`]: words('lin_api_'),
  [`${RULE}notion`]: words('ntn_'),
  // Service account tokens are a JWT-like "ops_ey…".
  [`${RULE}1password`]: words('ops_ey'),
  [`${RULE}database-connection-string`]: words('mongodb://', 'mongodb+srv://', 'mysql://', 'mysqlx://', 'postgres://', 'postgresql://'),
  [`${RULE}hashicorp-vault`]: words('hvs.', 'hvb.', 'hvr.'),
  [`${RULE}vercel`]: words('vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'),
  [`${RULE}databricks`]: words('dapi'),
  [`${RULE}docker`]: words('dckr_pat_'),
  [`${RULE}figma`]: words('figd_'),
  [`${RULE}cloudflare`]: words('cfk_', 'cfut_', 'cfat_'),
  [`${RULE}tailscale`]: words('tskey-'),
  // Reports nothing itself: it drops other rules' findings under `secretlint-disable*` comments.
  [`${RULE}filter-comments`]: words('secretlint-disable'),
};
