/**
 * high-entropy-string: a random-looking base64 or hex token assigned to a name that says credential (`SECRET_KEY`,
 * `api_key`, `client_secret`, `db_password`), or quoted or assigned in a file that holds secrets by purpose (`.env`,
 * tfvars, `secrets.yaml`): the shape of a credential that no known-format detector recognises. Anywhere else a
 * random-looking string is an identifier, a digest, a public key or a path far more often than a credential. A
 * base64-encoded PEM private key is reported wherever it is. Thresholds are detect-secrets' (base64 4.5, hex 3.0
 * bits per character) for long tokens and what random strings reach for shorter ones (src/entropy/shannon.ts); hex
 * needs 1.5 times the length of base64 (the same number of bits). Lockfiles, generated and minified files, PEM
 * bodies, sops values and metadata, digests, certificates and public keys, ids of known shapes, paths, URLs' path
 * segments, secret-manager references, password hashes and placeholders are left alone (src/entropy/).
 */
import { isBenignValue, isKnownIdentifier, isUrl } from '../src/entropy/benign-values.js';
import { candidateTokens, type Candidate } from '../src/entropy/candidates.js';
import { classifyEncodedKey, mayBeEncodedPem } from '../src/entropy/encoded-keys.js';
import { isBenignToken, isGeneratedOrMinified, isLockfile, looksLikeDigest } from '../src/entropy/filters.js';
import { isCredentialName, isSecretBearingPath, isSecretManifest, nameOf, namesSomethingElse } from '../src/entropy/names.js';
import { charsetOf, shannonEntropy, thresholdFor, type Charset } from '../src/entropy/shannon.js';
import { isPlaceholder } from '../src/util/placeholders.js';
import type { Rule, RuleContext } from '../src/types.js';
import type { OptionsSchema } from '../src/util/options-schema.js';
import { quote } from '../src/util/quote.js';

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
const bitsPerCharacter = (atMost: number) => ({ type: 'number', above: 0, atMost, what: 'a number of bits per character' }) as const;

const HIGH_ENTROPY_OPTIONS: OptionsSchema = {
  thresholds: { type: 'mapping', keyName: 'charset', fields: { base64: bitsPerCharacter(6), hex: bitsPerCharacter(4) } },
  minLength: { type: 'integer', min: 8 },
  maxLineLength: { type: 'integer', min: 80 },
};

/** `Authorization: Bearer <token>`, `Basic <base64>`: the scheme names what follows a credential, whatever the key. */
const AUTH_SCHEME = /\b(?:bearer|basic|token)\s+$/i;

/** A hex character carries 4 bits, a base64 one 6: hex needs 1.5 times the length for the same number of bits. */
const HEX_LENGTH_FACTOR = 1.5;

export const rule: Rule<HighEntropyOptions> = {
  meta: {
    id: 'high-entropy-string',
    description: 'Random-looking base64 or hex strings assigned to credential names or in secret files (generic credentials)',
    defaultSeverity: 'warning',
    docs: 'docs/rules/high-entropy-string.md',
    presentation: {
      why: 'Credentials without a recognisable prefix (signing secrets, generated passwords) only show as random-looking strings.',
      securitySeverity: '5.0',
      precision: 'medium',
      tags: ['security', 'secret', 'entropy'],
    },
    fallback: true,
    skipsCiphertext: true,
    options: HIGH_ENTROPY_OPTIONS,
  },
  defaultOptions: DEFAULT_HIGH_ENTROPY_OPTIONS,
  appliesTo: (path) => !isLockfile(path),
  check(source, context) {
    const { minLength, maxLineLength } = context.options;
    if (isGeneratedOrMinified(source.path, source.content)) return;
    let secretFile: boolean | undefined;
    const isSecretFile = () => (secretFile ??= isSecretBearingPath(source.path) || isSecretManifest(source.path, source.content));
    const seen = new Set<number>();
    for (const candidate of candidateTokens(source.content, minLength, maxLineLength)) {
      if (seen.has(candidate.index)) continue;
      const key = nameOf(candidate.key, source.content, candidate.index);
      const c = key === candidate.key ? candidate : { ...candidate, key };
      const anchored = isCredentialName(key) || AUTH_SCHEME.test(c.before) || (isSecretFile() && !namesSomethingElse(key));
      if (!anchored && !mayBeEncodedPem(c.token)) continue;
      const encoded = classifyEncodedKey(c.token);
      if (encoded?.kind === 'private key') {
        seen.add(c.index);
        context.report({
          message: `base64-encoded ${encoded.label}${assignedTo(c.key)}: a private key committed in plaintext; remove it (and rotate it: git history keeps it), or sops-encrypt the file`,
          index: c.index,
          endIndex: c.index + c.token.length,
          secret: c.token,
        });
        continue;
      }
      if (!anchored || encoded || isBenignValue(c.value) || isPlaceholder(c.value)) continue;
      for (const piece of pieces(c)) if (!seen.has(piece.index) && reportIfRandomLooking(piece, context)) seen.add(piece.index);
    }
  },
};

/**
 * The tokens of a candidate to measure: the token itself, or, for a URL's path or a token that mixes `/` with `-` or
 * `_` (no base64 alphabet has both, so it is a path: `projects/x/providers/home-ops`), each `/`-separated segment.
 */
function* pieces(c: Candidate): Generator<Candidate> {
  if (!c.token.includes('/') || !(isUrl(c.value) || /[-_]/.test(c.token))) {
    yield c;
    return;
  }
  let offset = 0;
  for (const segment of c.token.split('/')) {
    yield { ...c, token: segment, index: c.index + offset, before: c.token.slice(Math.max(0, offset - 8), offset) };
    offset += segment.length + 1;
  }
}

/** Measures one token and reports it when it is random-looking for its charset and length; says whether it did. */
function reportIfRandomLooking(c: Candidate, context: RuleContext<HighEntropyOptions>): boolean {
  const { thresholds, minLength } = context.options;
  const charset = charsetOf(c.token);
  if (c.token.length < (charset === 'hex' ? Math.ceil(minLength * HEX_LENGTH_FACTOR) : minLength)) return false;
  if (isBenignToken(c.token, c.before) || isKnownIdentifier(c.token, c.before) || looksLikeDigest(c.token, c.key)) return false;
  const entropy = shannonEntropy(c.token);
  const threshold = thresholdFor(c.token.length, charset, thresholds[charset], DEFAULT_HIGH_ENTROPY_OPTIONS.thresholds[charset]);
  if (entropy <= threshold) return false;
  context.report({
    message: `high-entropy ${charset} string (${c.token.length} chars, ${entropy.toFixed(2)} bits/char > ${threshold.toFixed(2)})${assignedTo(c.key)}: if it is a credential, move it to a sops-encrypted file; if not, mark the line with secrets-guard-allow`,
    index: c.index,
    endIndex: c.index + c.token.length,
    secret: c.token,
  });
  return true;
}

/** A key is named only when it reads as a name: a random-looking key could itself be a credential. */
function assignedTo(key: string | undefined): string {
  // Quoted: a random-looking key could itself be a credential.
  return key ? ` assigned to ${quote(key)}` : '';
}
