/**
 * high-entropy-string: a random-looking base64 or hex token in a quoted string or an assigned value, the shape of
 * a credential that no known-format detector recognises. Thresholds are detect-secrets' (base64 4.5, hex 3.0 bits
 * per character). Lockfiles, generated and minified files, PEM bodies, sops values and metadata, digests (named
 * as such, or hex of a digest's length under a key that does not name a credential), ciphertext named as such, UUIDs, integrity strings, data URIs, SSH public keys, age recipients and placeholders are left alone.
 */
import { candidateTokens } from '../src/entropy/candidates.js';
import { isBenignToken, isGeneratedOrMinified, isLockfile, isNonSecretKey, looksLikeDigest } from '../src/entropy/filters.js';
import { charsetOf, shannonEntropy, type Charset } from '../src/entropy/shannon.js';
import { ConfigError } from '../src/errors.js';
import type { Rule } from '../src/types.js';
import { quote, quoteValue } from '../src/util/quote.js';

export interface HighEntropyOptions {
  /** Bits per character above which a token is reported, per charset. */
  readonly thresholds: Readonly<Record<Charset, number>>;
  /** Shorter tokens are never measured. */
  readonly minLength: number;
  /** Longer lines are minified or generated data and are skipped. */
  readonly maxLineLength: number;
}

export const DEFAULT_HIGH_ENTROPY_OPTIONS: HighEntropyOptions = { thresholds: { base64: 4.5, hex: 3.0 }, minLength: 20, maxLineLength: 1000 };

/** Highest entropy a charset allows: log2 of its alphabet size (base64url adds `-`, `_`). */
const CEILING: Record<Charset, number> = { base64: 6, hex: 4 };

export function parseHighEntropyOptions(raw: unknown, keyPath: string): HighEntropyOptions {
  const top = expectMapping(raw, keyPath);
  const unknown = Object.keys(top).find((k) => !['thresholds', 'minLength', 'maxLineLength'].includes(k));
  if (unknown) throw new ConfigError(`${quote(`${keyPath}.${unknown}`)}: unknown option (expected thresholds, minLength or maxLineLength)`);
  const thresholds = { ...DEFAULT_HIGH_ENTROPY_OPTIONS.thresholds };
  if (top.thresholds !== undefined) {
    const given = expectMapping(top.thresholds, `${keyPath}.thresholds`);
    for (const [charset, value] of Object.entries(given)) {
      if (charset !== 'base64' && charset !== 'hex') throw new ConfigError(`${quote(`${keyPath}.thresholds.${charset}`)}: unknown charset (expected base64 or hex)`);
      const ceiling = CEILING[charset];
      if (typeof value !== 'number' || !(value > 0 && value <= ceiling)) {
        throw new ConfigError(`${keyPath}.thresholds.${charset}: expected a number of bits per character in (0, ${ceiling}], got ${quoteValue(value)}`);
      }
      thresholds[charset] = value;
    }
  }
  return {
    thresholds,
    minLength: integerAtLeast(top.minLength, 8, DEFAULT_HIGH_ENTROPY_OPTIONS.minLength, `${keyPath}.minLength`),
    maxLineLength: integerAtLeast(top.maxLineLength, 80, DEFAULT_HIGH_ENTROPY_OPTIONS.maxLineLength, `${keyPath}.maxLineLength`),
  };
}

function expectMapping(raw: unknown, keyPath: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${keyPath}: expected a mapping`);
  return raw as Record<string, unknown>;
}

function integerAtLeast(raw: unknown, min: number, fallback: number, keyPath: string): number {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min) throw new ConfigError(`${keyPath}: expected an integer of at least ${min}, got ${quoteValue(raw)}`);
  return raw;
}

export const rule: Rule<HighEntropyOptions> = {
  meta: {
    id: 'high-entropy-string',
    description: 'Random-looking base64 or hex strings in assignments and quoted strings (generic credentials)',
    defaultSeverity: 'warning',
    fallback: true,
    skipsCiphertext: true,
  },
  defaultOptions: DEFAULT_HIGH_ENTROPY_OPTIONS,
  parseOptions: parseHighEntropyOptions,
  appliesTo: (path) => !isLockfile(path),
  check(source, context) {
    const { thresholds, minLength, maxLineLength } = context.options;
    if (isGeneratedOrMinified(source.path, source.content)) return;
    const seen = new Set<number>();
    for (const c of candidateTokens(source.content, minLength, maxLineLength)) {
      if (seen.has(c.index) || isBenignToken(c.token, c.before) || isNonSecretKey(c.key) || looksLikeDigest(c.token, c.key)) continue;
      const charset = charsetOf(c.token);
      const entropy = shannonEntropy(c.token);
      if (entropy <= thresholds[charset]) continue;
      seen.add(c.index);
      // Quoted: a random-looking key could itself be a credential.
      const where = c.key ? ` assigned to ${quote(c.key)}` : '';
      context.report({
        message: `high-entropy ${charset} string (${c.token.length} chars, ${entropy.toFixed(2)} bits/char > ${thresholds[charset]})${where}: if it is a credential, move it to a sops-encrypted file; if not, mark the line with secrets-guard-allow`,
        index: c.index,
        endIndex: c.index + c.token.length,
        secret: c.token,
      });
    }
  },
};
