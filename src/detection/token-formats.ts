/**
 * Vendor token formats secretlint's recommended preset does not report (13.0.x; its own rules stay its own, so one
 * token is reported once): each written from the vendor's documented format, with the literal every token holds as
 * its keyword (the shared prefilter, src/engine/keyword-owners.ts). Where a format has no literal of its own (Twilio
 * SIDs, Datadog keys, Mailgun keys, Discord tokens), the vendor's name must occur in the file too.
 *
 * `pattern` matches the token (group 1 when the match holds context around it); `verify` rejects look-alikes the
 * pattern alone admits.
 */

export interface TokenFormat {
  /** The finding's sub-rule id: `token-formats/<id>`. */
  readonly id: string;
  /** What the token is, as the message names it. */
  readonly name: string;
  /** Lower-case literals; the format is looked for only in a file holding one (case-insensitively). */
  readonly keywords: readonly string[];
  readonly pattern: RegExp;
  readonly verify?: (token: string) => boolean;
}

/** Not preceded / followed by a character that would continue the token. */
const B = String.raw`(?<![A-Za-z0-9_-])`;
const E = String.raw`(?![A-Za-z0-9_-])`;
const re = (source: string, flags = 'g'): RegExp => new RegExp(source, flags);
const HEX32 = '[0-9a-f]{32}';

/** A Discord bot token's first segment is the bot's user id (a snowflake, digits) in base64. */
function discordIdSegment(token: string): boolean {
  const id = Buffer.from(token.slice(0, token.indexOf('.')), 'base64').toString('latin1');
  return /^\d{17,20}$/.test(id);
}

export const TOKEN_FORMATS: readonly TokenFormat[] = [
  // https://cloud.google.com/docs/authentication/api-keys: "AIza" then 35 characters of base64url.
  { id: 'google-api-key', name: 'Google API key', keywords: ['aiza'], pattern: re(`${B}AIza[0-9A-Za-z_-]{35}${E}`) },
  // https://developers.google.com/identity/protocols/oauth2: client secrets "GOCSPX-", access tokens "ya29.".
  { id: 'google-oauth-client-secret', name: 'Google OAuth client secret', keywords: ['gocspx-'], pattern: re(`${B}GOCSPX-[0-9A-Za-z_-]{28}${E}`) },
  { id: 'google-oauth-access-token', name: 'Google OAuth access token', keywords: ['ya29.'], pattern: re(`${B}ya29\\.[0-9A-Za-z_-]{30,}${E}`) },
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids: access
  // key ids (AKIA long-term, ASIA temporary; ABIA, ACCA service-specific) are 20 characters of base32.
  { id: 'aws-access-key-id', name: 'AWS access key id', keywords: ['akia', 'asia', 'abia', 'acca'], pattern: re('\\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\\b') },
  // https://docs.gitlab.com/security/tokens/#token-prefixes (glpat- is the preset's).
  {
    id: 'gitlab',
    name: 'GitLab token',
    keywords: ['glptt-', 'gldt-', 'glrt-', 'glcbt-', 'gloas-', 'glsoat-', 'glffct-', 'glimt-', 'glagent-', 'glft-', 'gr1348941'],
    pattern: re(
      `${B}(?:glptt-[0-9a-f]{40}|glcbt-[0-9a-f]{1,5}_[0-9A-Za-z_-]{20}|gloas-[0-9A-Za-z_-]{64}|glagent-[0-9A-Za-z_-]{50}|(?:gldt|glrt|glsoat|glffct|glimt|glft)-[0-9A-Za-z_-]{20,}|GR1348941[0-9A-Za-z_-]{20})${E}`,
    ),
  },
  // https://api.slack.com/authentication/config-tokens: configuration access and refresh tokens.
  { id: 'slack-config-token', name: 'Slack configuration token', keywords: ['xoxe'], pattern: re(`${B}xoxe(?:\\.xox[bp])?-\\d-[0-9A-Za-z]{140,}${E}`) },
  // https://www.twilio.com/docs/iam/api-keys: API key SIDs "SK", account SIDs "AC", then 32 lowercase hex.
  { id: 'twilio', name: 'Twilio API key or account SID', keywords: ['twilio'], pattern: re(`\\b(?:SK|AC)${HEX32}\\b`) },
  // https://core.telegram.org/bots/api#authorizing-your-bot: "<bot id>:<35 characters>", the secret part starts "AA".
  { id: 'telegram-bot-token', name: 'Telegram bot token', keywords: [':aa'], pattern: re(`(?<![0-9A-Za-z_])\\d{8,10}:AA[0-9A-Za-z_-]{33}${E}`) },
  // https://discord.com/developers/docs/reference#authentication: base64(user id).timestamp.hmac; webhooks by URL.
  {
    id: 'discord-bot-token',
    name: 'Discord bot token',
    keywords: ['discord'],
    pattern: re(`${B}[MNO][0-9A-Za-z_-]{23,27}\\.[0-9A-Za-z_-]{6}\\.[0-9A-Za-z_-]{27,38}${E}`),
    verify: discordIdSegment,
  },
  {
    id: 'discord-webhook',
    name: 'Discord webhook URL',
    keywords: ['discord'],
    pattern: re('https://(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com/api/webhooks/\\d{17,20}/[0-9A-Za-z_-]{60,68}'),
  },
  // https://pypi.org/help/#apitoken: macaroons "pypi-" + base64 of their location ("pypi.org", "test.pypi.org").
  { id: 'pypi', name: 'PyPI API token', keywords: ['pypi-age'], pattern: re(`${B}pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[0-9A-Za-z_-]{50,}${E}`) },
  // https://devcenter.heroku.com/articles/authentication: "HRKU-AA" tokens; older keys are UUIDs named for Heroku.
  {
    id: 'heroku',
    name: 'Heroku API key',
    keywords: ['hrku-', 'heroku'],
    pattern: re(
      `${B}HRKU-AA[0-9A-Za-z_-]{58}${E}|heroku[\\w.-]{0,20}(?:key|token)["']?\\s*[:=]\\s*["']?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\b`,
      'gi',
    ),
  },
  // https://huggingface.co/docs/hub/security-tokens: organisation keys (user tokens hf_ are the preset's).
  { id: 'huggingface-org', name: 'Hugging Face organisation API key', keywords: ['api_org_'], pattern: re(`${B}api_org_[A-Za-z]{34}${E}`) },
  // https://docs.digitalocean.com/reference/api/: personal (dop), OAuth (doo) and refresh (dor) tokens.
  { id: 'digitalocean', name: 'DigitalOcean token', keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'], pattern: re(`${B}do[opr]_v1_[0-9a-f]{64}${E}`) },
  // https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens
  {
    id: 'terraform-cloud',
    name: 'Terraform Cloud / HCP Terraform token',
    keywords: ['.atlasv1.'],
    pattern: re(`${B}[0-9A-Za-z]{14}\\.atlasv1\\.[0-9A-Za-z_=-]{60,70}${E}`),
  },
  // https://docs.doppler.com/reference/api#authentication: personal, service, CLI, SCIM, audit and service account tokens.
  {
    id: 'doppler',
    name: 'Doppler token',
    keywords: ['dp.pt.', 'dp.st.', 'dp.ct.', 'dp.sa.', 'dp.scim.', 'dp.audit.'],
    pattern: re(`${B}dp\\.(?:pt|st|ct|sa|scim|audit)\\.(?:[0-9a-z_-]{2,35}\\.)?[0-9A-Za-z]{40,44}${E}`),
  },
  // https://documentation.mailgun.com/docs/mailgun/api-reference/authentication: "key-" + 32 hex, and newer keys.
  { id: 'mailgun', name: 'Mailgun API key', keywords: ['mailgun'], pattern: re(`${B}(?:key-${HEX32}|${HEX32}-[0-9a-f]{8}-[0-9a-f]{8})${E}`) },
  // https://mailchimp.com/developer/marketing/guides/quick-start/: 32 hex then "-us" and the data centre number
  // ("-us" is too common a keyword: locales; a key under another name is generic-credential's).
  { id: 'mailchimp', name: 'Mailchimp API key', keywords: ['mailchimp', 'mandrill'], pattern: re(`${B}${HEX32}-us\\d{1,2}${E}`) },
  // https://docs.datadoghq.com/account_management/api-app-keys/: 32-hex API keys, 40-hex application keys.
  {
    id: 'datadog',
    name: 'Datadog API or application key',
    keywords: ['datadog', 'dd_api', 'dd_app', 'dd-api', 'dd-app'],
    pattern: re(`(?:datadog|dd)[\\w.-]{0,20}(?:api|app|application)[_.-]?key["']?\\s*[:=]\\s*["']?([0-9a-f]{40}|${HEX32})\\b`, 'gi'),
  },
  // https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/: user keys, insert keys, license keys.
  {
    id: 'new-relic',
    name: 'New Relic key',
    keywords: ['nrak-', 'nrii-', 'nrjs-', 'nral'],
    pattern: re(`${B}(?:NRAK-[0-9A-Z]{27}|NRII-[0-9A-Za-z_-]{32}|NRJS-[0-9a-f]{19}|[0-9a-f]{36}NRAL)${E}`),
  },
  // https://docs.sentry.io/account/auth-tokens/: organisation tokens (base64 JSON + "_" + secret), user tokens.
  {
    id: 'sentry',
    name: 'Sentry auth token',
    keywords: ['sntrys_', 'sntryu_'],
    pattern: re(`${B}(?:sntrys_eyJ[0-9A-Za-z+/=]{40,}_[0-9A-Za-z+/]{43}|sntryu_[0-9a-f]{64})(?![0-9A-Za-z_+/-])`),
  },
  // https://developer.squareup.com/docs/build-basics/access-tokens: access tokens and OAuth application secrets.
  {
    id: 'square',
    name: 'Square token',
    keywords: ['sq0atp-', 'sq0csp-', 'eaaa'],
    pattern: re(`${B}(?:sq0atp-[0-9A-Za-z_-]{22}|sq0csp-[0-9A-Za-z_-]{43}|EAAA[0-9A-Za-z_-]{60})${E}`),
  },
  // https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/
  { id: 'pulumi', name: 'Pulumi access token', keywords: ['pul-'], pattern: re(`${B}pul-[0-9a-f]{40}${E}`) },
  // Grafana's legacy API keys: base64 of {"k":...} (service account and cloud tokens are the preset's).
  { id: 'grafana-api-key', name: 'Grafana API key', keywords: ['eyjrijoi'], pattern: re(`${B}eyJrIjoi[0-9A-Za-z]{70,400}={0,3}(?![0-9A-Za-z=])`) },
  // https://support.1password.com/secret-key/: account secret keys (service account tokens are the preset's).
  {
    id: '1password-secret-key',
    name: '1Password account secret key',
    keywords: ['a3-'],
    pattern: re('\\bA3-[0-9A-Z]{6}-(?:[0-9A-Z]{11}|[0-9A-Z]{6}-[0-9A-Z]{5})-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}\\b'),
  },
  // https://docs.anthropic.com/en/api/administration-api: admin keys (API keys are the preset's).
  { id: 'anthropic-admin-key', name: 'Anthropic admin key', keywords: ['sk-ant-admin'], pattern: re(`${B}sk-ant-admin01-[0-9A-Za-z_-]{93}AA${E}`) },
  // https://docs.stripe.com/webhooks#verify-events: webhook signing secrets (API keys are the preset's).
  {
    id: 'stripe-webhook-secret',
    name: 'Stripe webhook signing secret',
    keywords: ['whsec_'],
    pattern: re(`${B}whsec_[0-9A-Za-z+/]{32,}={0,2}(?![0-9A-Za-z+/=])`),
  },
  // https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/
  { id: 'atlassian', name: 'Atlassian API token', keywords: ['atatt3'], pattern: re(`${B}ATATT3[0-9A-Za-z_=-]{180,200}${E}`) },
  // https://learning.postman.com/docs/developer/postman-api/authentication/
  { id: 'postman', name: 'Postman API key', keywords: ['pmak-'], pattern: re(`${B}PMAK-[0-9a-f]{24}-[0-9a-f]{34}${E}`) },
  // https://developers.brevo.com/docs/getting-started: "xkeysib-" API keys.
  { id: 'brevo', name: 'Brevo (Sendinblue) API key', keywords: ['xkeysib-'], pattern: re(`${B}xkeysib-[0-9a-f]{64}-[0-9A-Za-z]{16}${E}`) },
  // https://docs.mapbox.com/accounts/guides/tokens/: secret tokens "sk." + base64 JSON (public "pk." pass).
  { id: 'mapbox', name: 'Mapbox secret token', keywords: ['sk.eyj'], pattern: re(`${B}sk\\.eyJ1Ijoi[0-9A-Za-z_-]{10,}\\.[0-9A-Za-z_-]{20,}${E}`) },
  // https://supabase.com/docs/reference/api/introduction: management API personal access tokens.
  { id: 'supabase', name: 'Supabase access token', keywords: ['sbp_'], pattern: re(`${B}sbp_[0-9a-f]{40}${E}`) },
  // https://buildkite.com/docs/apis/managing-api-tokens
  { id: 'buildkite', name: 'Buildkite API token', keywords: ['bkua_'], pattern: re(`${B}bkua_[0-9a-f]{40}${E}`) },
  // https://planetscale.com/docs/concepts/service-tokens: service tokens, passwords and OAuth tokens.
  { id: 'planetscale', name: 'PlanetScale token or password', keywords: ['pscale_'], pattern: re(`${B}pscale_(?:tkn|pw|oauth)_[0-9A-Za-z_.-]{32,64}${E}`) },
  // https://guides.rubygems.org/api-key-scopes/
  { id: 'rubygems', name: 'RubyGems API key', keywords: ['rubygems_'], pattern: re(`${B}rubygems_[0-9a-f]{48}${E}`) },
  // https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens
  { id: 'dynatrace', name: 'Dynatrace token', keywords: ['dt0c01.'], pattern: re(`${B}dt0c01\\.[0-9A-Z]{24}\\.[0-9A-Z]{64}${E}`) },
  // https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair: AccessKey ids "LTAI".
  { id: 'alibaba-access-key-id', name: 'Alibaba Cloud AccessKey id', keywords: ['ltai'], pattern: re('\\bLTAI[0-9A-Za-z]{12,20}\\b') },
];
