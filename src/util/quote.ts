/**
 * The one way a report message quotes what the repository wrote. Every message that shows repository content
 * (a key, a key path, a recipient, a regex, a config value, another tool's message) builds it through `quote`,
 * never by interpolating the raw text: the text comes back with control characters escaped, anything that looks
 * like a credential masked, and shortened to one readable line.
 */
import { abbreviate } from './abbreviate.js';
import { looksLikeCredential, maskCredentials } from './credential-shape.js';
import { maskSecret } from './mask.js';
import { escapeControl } from './terminal-text.js';

/**
 * - `secret`: the value a finding is about. Never shown: at most a 4-character prefix of one of 12 or more
 *   characters (`AKIA****`), nothing of a shorter one (`****`).
 * - `text`: any other repository text (a key name or path, a variable name, a pattern, a config value). Shown,
 *   with every credential-looking part masked.
 * - `recipient`: a master key as written in `.sops.yaml` or in a file's metadata. As `text`, except that a
 *   well-formed public recipient (`age1…`, an SSH public key, a PGP fingerprint, a KMS ARN...) is shown although it
 *   looks random.
 */
export type QuoteKind = 'secret' | 'text' | 'recipient';

/** Text longer than this is shortened to both ends: a message stays one readable line. */
const LONGEST_TEXT = 200;

export function quote(value: string, kind: QuoteKind = 'text'): string {
  if (kind === 'secret') return maskSecret(value);
  const shown = escapeControl(maskCredentials(value, { recipient: kind === 'recipient' }));
  return kind === 'recipient' ? abbreviate(shown) : abbreviate(shown, LONGEST_TEXT);
}

/** A config value a message complains about, as JSON (`"5 MB"`, `true`, `{}`), quoted as text. */
export function quoteValue(value: unknown): string {
  return quote(JSON.stringify(value) ?? String(value));
}

/** JSON.parse's excerpt of the input (`Unexpected token 'g', "…[ghp_A1b2"... is not valid JSON`): a cut token. */
const JSON_EXCERPT = /(?:, )?(?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON/s;

/**
 * A parser's error (JSON, YAML) about a config file, for a one-line message: its first line, without the excerpt
 * of the input some parsers add (a cut token escapes masking), and quoted as text.
 */
export function parserError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return quote(message.replace(JSON_EXCERPT, ' (not valid JSON)').split('\n')[0]!);
}

const PLAIN_WORDS = /^[A-Za-z ]*$/;

/**
 * The engine's safety net behind `quote`: a finding's own secret, should its message still carry it, is masked
 * where it stands. Only a value of 8 or more characters that is not plain words is looked for: a short or plain
 * value (`PASSWORD=x`, `MODE=plaintext`) also occurs in the message's own words, and masking those would garble
 * the message and give the value away. Each line of a multi-line secret (a PEM key) counts on its own.
 */
export function withoutSecret(message: string, secret: string | undefined): string {
  if (!secret) return message;
  let out = message;
  for (const part of [secret, ...secret.split(/\r?\n/)]) {
    if (part.length < 8 || (PLAIN_WORDS.test(part) && !looksLikeCredential(part))) continue;
    out = out.split(part).join(maskSecret(part));
  }
  return out;
}
