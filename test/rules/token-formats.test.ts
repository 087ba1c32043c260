import { describe, expect, it } from 'vitest';
import { rule } from '../../rules/token-formats.js';
import { TOKEN_FORMATS } from '../../src/detection/token-formats.js';
import { randomChars } from '../helpers/fake-tokens.js';
import { lintWith, testRule, optionsOf } from '../helpers/rule-tester.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URLSAFE = ALNUM + '_-';
const HEX = '0123456789abcdef';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const r = (n: number, alphabet = ALNUM, seed = n) => randomChars(n, seed, alphabet);
const b64 = (text: string) => Buffer.from(text).toString('base64').replace(/=+$/, '');

/** One fake token per format, in a line that code would hold it in (some formats need their vendor named). */
export const SAMPLES: Record<string, string> = {
  'google-api-key': `const key = "AIza${r(35, URLSAFE)}";`,
  'google-oauth-client-secret': `client_secret: GOCSPX-${r(28, URLSAFE)}`,
  'google-oauth-access-token': `access = 'ya29.${r(80, URLSAFE)}'`,
  'aws-access-key-id': `aws_access_key_id = AKIA${r(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
  gitlab: `CI_TRIGGER=glptt-${r(40, HEX)}`,
  'slack-config-token': `SLACK_CONFIG=xoxe.xoxp-1-${r(150)}`,
  twilio: `TWILIO_API_KEY=SK${r(32, HEX)}`,
  'telegram-bot-token': `bot = Bot("${r(10, '0123456789')}:AA${r(33, URLSAFE)}")`,
  'discord-bot-token': `// discord\nclient.login("${b64('812345678901234567')}.${r(6, URLSAFE)}.${r(38, URLSAFE)}");`,
  'discord-webhook': `url: https://discord.com/api/webhooks/812345678901234567/${r(68, URLSAFE)}`,
  pypi: `password = pypi-AgEIcHlwaS5vcmc${r(70, URLSAFE)}`,
  heroku: `HEROKU_API_KEY="${r(8, HEX)}-${r(4, HEX)}-${r(4, HEX, 5)}-${r(4, HEX, 6)}-${r(12, HEX)}"`,
  'huggingface-org': `token = "api_org_${r(34, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ')}"`,
  digitalocean: `DIGITALOCEAN_TOKEN=dop_v1_${r(64, HEX)}`,
  'terraform-cloud': `token = "${r(14)}.atlasv1.${r(67, URLSAFE)}"`,
  doppler: `DOPPLER_TOKEN=dp.st.prd.${r(43)}`,
  mailgun: `MAILGUN_API_KEY=key-${r(32, HEX)}`,
  mailchimp: `MAILCHIMP_KEY=${r(32, HEX)}-us21`,
  datadog: `DD_API_KEY=${r(32, HEX)}`,
  'new-relic': `NEW_RELIC_API_KEY=NRAK-${r(27, UPPER_DIGITS)}`,
  sentry: `SENTRY_AUTH_TOKEN=sntryu_${r(64, HEX)}`,
  square: `SQUARE_TOKEN=sq0atp-${r(22, URLSAFE)}`,
  pulumi: `PULUMI_ACCESS_TOKEN=pul-${r(40, HEX)}`,
  'grafana-api-key': `GRAFANA_KEY=eyJrIjoi${r(80)}`,
  '1password-secret-key': `secret_key: A3-${r(6, UPPER_DIGITS)}-${r(11, UPPER_DIGITS)}-${r(5, UPPER_DIGITS)}-${r(5, UPPER_DIGITS, 9)}-${r(5, UPPER_DIGITS, 10)}`,
  'anthropic-admin-key': `ANTHROPIC_ADMIN_KEY=sk-ant-admin01-${r(93, URLSAFE)}AA`,
  'stripe-webhook-secret': `STRIPE_WEBHOOK_SECRET=whsec_${r(32)}`,
  atlassian: `JIRA_TOKEN=ATATT3${r(186, URLSAFE)}`,
  postman: `POSTMAN_API_KEY=PMAK-${r(24, HEX)}-${r(34, HEX)}`,
  brevo: `BREVO_KEY=xkeysib-${r(64, HEX)}-${r(16)}`,
  mapbox: `MAPBOX_TOKEN=sk.eyJ1Ijoi${r(30, URLSAFE)}.${r(22, URLSAFE)}`,
  supabase: `SUPABASE_ACCESS_TOKEN=sbp_${r(40, HEX)}`,
  buildkite: `BUILDKITE_TOKEN=bkua_${r(40, HEX)}`,
  planetscale: `PLANETSCALE_TOKEN=pscale_tkn_${r(43, URLSAFE)}`,
  rubygems: `GEM_HOST_API_KEY=rubygems_${r(48, HEX)}`,
  dynatrace: `DT_API_TOKEN=dt0c01.${r(24, UPPER_DIGITS)}.${r(64, UPPER_DIGITS)}`,
  'alibaba-access-key-id': `ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI${r(20)}`,
};

describe('token-formats samples', () => {
  it('has a sample for every format, and each is reported under its own sub-rule id only', async () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(TOKEN_FORMATS.map((f) => f.id).sort());
    for (const [id, content] of Object.entries(SAMPLES)) {
      const found = await lintWith(rule, { path: 'config.txt', content });
      expect(
        found.map((f) => f.ruleId),
        id,
      ).toEqual([`token-formats/${id}`]);
      expect(found[0]!.fingerprint).toBeDefined();
    }
  });

  it('never puts a token in a message', async () => {
    for (const content of Object.values(SAMPLES)) {
      const [finding] = await lintWith(rule, { path: 'config.txt', content });
      expect(content).not.toContain(finding!.message.slice(0, 40));
    }
  });

  it('switches single formats off with disable', async () => {
    const found = await lintWith(rule, { path: 'a.env', content: SAMPLES['google-api-key']!, options: { disable: ['google-api-key'] } });
    expect(found).toEqual([]);
    expect(() => optionsOf(rule, { disable: ['no-such-format'] }, 'rules.token-formats.options')).toThrow(/not a token format/);
    expect(() => optionsOf(rule, { disabled: [] }, 'rules.token-formats.options')).toThrow(/unknown option/);
    expect(optionsOf(rule, { disable: ['twilio'] }, 'k')).toEqual({ disable: ['twilio'] });
  });
});

testRule(rule, {
  valid: [
    { name: 'a Google key one character short', path: 'a.js', content: `const key = "AIza${r(34, URLSAFE)}";` },
    { name: 'an AWS key id with a character outside base32', path: 'a.ini', content: `aws_access_key_id = AKIA${r(15, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}1` },
    { name: 'Twilio-shaped hex where Twilio is not named', path: 'a.txt', content: `id: SK${r(32, HEX)}` },
    {
      name: 'a Discord-shaped token whose first part is not a user id',
      path: 'bot.js',
      content: `// discord\nlogin("M${r(25, URLSAFE)}.${r(6, URLSAFE)}.${r(38, URLSAFE)}")`,
    },
    {
      name: 'a Heroku app id that is not a key',
      path: 'app.json',
      content: `{"heroku_app_id": "${r(8, HEX)}-${r(4, HEX)}-${r(4, HEX)}-${r(4, HEX)}-${r(12, HEX)}"}`,
    },
    { name: 'a locale that looks like a Mailchimp suffix', path: 'a.txt', content: 'lang: en-us\n' },
    { name: 'Datadog named but the value is not a key', path: 'dd.yaml', content: 'dd_api_key: ${DD_API_KEY}\n' },
    { name: 'a GitLab pipeline token too short', path: 'a.env', content: `TRIGGER=glptt-${r(39, HEX)}` },
  ],
  invalid: [
    {
      name: 'a Google key in YAML, at its column',
      path: 'values.yaml',
      content: `maps:\n  apiKey: AIza${r(35, URLSAFE)}\n`,
      errors: [{ line: 2, column: 11, message: 'Google API key' }],
    },
    {
      name: 'an ASIA session key id',
      path: 'creds',
      content: `key=ASIA${r(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
      errors: [{ line: 1, message: 'AWS access key id' }],
    },
    {
      name: 'a Twilio account SID and API key',
      path: 'twilio.py',
      content: `TWILIO_SID = "AC${r(32, HEX)}"\nTWILIO_KEY = "SK${r(32, HEX, 3)}"\n`,
      errors: [{ line: 1 }, { line: 2 }],
    },
  ],
});
