/**
 * token-formats: vendor tokens that secretlint's recommended preset does not report (Google API keys, AWS access key
 * ids, GitLab's other tokens, Twilio, Telegram, Discord, PyPI, DigitalOcean, Doppler, Sentry, ...), one table of
 * formats (src/detection/token-formats.ts) run by one rule. Each finding is `token-formats/<format id>`; the
 * `disable` option switches single formats off.
 */
import { TOKEN_FORMATS } from '../src/detection/token-formats.js';
import type { Rule } from '../src/types.js';
import { isPlaceholder } from '../src/util/placeholders.js';

export interface TokenFormatsOptions {
  /** Format ids (`google-api-key`) not to report. */
  readonly disable: readonly string[];
}

export const rule: Rule<TokenFormatsOptions> = {
  meta: {
    id: 'token-formats',
    // Each format's own prefixes (src/detection/token-formats.ts), owned as `token-formats/<format>`.
    keywords: Object.fromEntries(TOKEN_FORMATS.map((f) => [`token-formats/${f.id}`, f.keywords])),
    description: "Vendor token formats secretlint's preset lacks (Google, AWS key ids, GitLab, Twilio, Discord, PyPI, ...)",
    defaultSeverity: 'error',
    docs: 'docs/rules/token-formats.md',
    skipsCiphertext: true,
    options: { disable: { type: 'list', oneOf: TOKEN_FORMATS.map((f) => f.id), what: 'token format' } },
  },
  defaultOptions: { disable: [] },
  check(source, context) {
    const present = source.keywordOwners();
    const { disable } = context.options;
    for (const format of TOKEN_FORMATS) {
      if (!present.has(`token-formats/${format.id}`) || disable.includes(format.id)) continue;
      for (const m of source.content.matchAll(format.pattern)) {
        const token = m[1] ?? m[0];
        if (isPlaceholder(token) || (format.verify && !format.verify(token))) continue;
        const index = m.index + m[0].lastIndexOf(token);
        context.report({
          message: `${format.name} committed in plaintext: revoke it, and keep its replacement in a sops-encrypted file`,
          index,
          endIndex: index + token.length,
          secret: token,
          subRuleId: format.id,
        });
      }
    }
  },
};
