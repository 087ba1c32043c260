/**
 * token-formats: vendor tokens that secretlint's recommended preset does not report (Google API keys, AWS access key
 * ids, GitLab's other tokens, Twilio, Telegram, Discord, PyPI, DigitalOcean, Doppler, Sentry, ...), one table of
 * formats (src/detection/token-formats.ts) run by one rule. Each finding is `token-formats/<format id>`; the
 * `disable` option switches single formats off.
 */
import { presentDetectors } from '../src/detection/prefilter.js';
import { TOKEN_FORMATS } from '../src/detection/token-formats.js';
import { ConfigError } from '../src/errors.js';
import type { Rule } from '../src/types.js';
import { isPlaceholder } from '../src/util/placeholders.js';

export interface TokenFormatsOptions {
  /** Format ids (`google-api-key`) not to report. */
  readonly disable: readonly string[];
}

const FORMAT_IDS = new Set(TOKEN_FORMATS.map((f) => f.id));

function parseOptions(raw: unknown, keyPath: string): TokenFormatsOptions {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${keyPath}: expected a mapping`);
  const { disable, ...rest } = raw as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) throw new ConfigError(`${keyPath}.${unknown}: unknown option (expected disable)`);
  if (disable === undefined) return { disable: [] };
  if (!Array.isArray(disable)) throw new ConfigError(`${keyPath}.disable: expected a list of format ids`);
  for (const id of disable) {
    if (typeof id !== 'string' || !FORMAT_IDS.has(id)) throw new ConfigError(`${keyPath}.disable: ${JSON.stringify(id)} is not a token format (known: ${[...FORMAT_IDS].join(', ')})`);
  }
  return { disable };
}

export const rule: Rule<TokenFormatsOptions> = {
  meta: {
    id: 'token-formats',
    description: "Vendor token formats secretlint's preset lacks (Google, AWS key ids, GitLab, Twilio, Discord, PyPI, ...)",
    defaultSeverity: 'error',
    skipsCiphertext: true,
  },
  defaultOptions: { disable: [] },
  parseOptions,
  check(source, context) {
    const present = source.derived(presentDetectors);
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
