/**
 * What the high-entropy detector must not flag, because it is random-looking by design and not a credential:
 * lockfiles, generated and minified files, data URIs, public keys and recipients, UUIDs,
 * integrity hashes, digests named as such, and template placeholders. Regexes are compiled once here.
 */
import { isCredentialName } from './names.js';

const LOCKFILE_NAMES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
  'go.sum',
  'go.work.sum',
  'Cargo.lock',
  'poetry.lock',
  'composer.lock',
  'Gemfile.lock',
  'Pipfile.lock',
  'flake.lock',
  'pdm.lock',
  'uv.lock',
  'mix.lock',
  'pubspec.lock',
  'Podfile.lock',
  'packages.lock.json',
  'gradle.lockfile',
  '.terraform.lock.hcl',
]);

/** Lockfiles pin packages by hash; every line is a digest or an integrity string. */
export function isLockfile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return LOCKFILE_NAMES.has(name) || name.endsWith('.lock') || name.endsWith('.lockfile');
}

/** Minified code and source maps, and diagrams (draw.io and Excalidraw cell ids are random by design). */
const MINIFIED_NAME = /(?:[.-]min\.(?:js|mjs|cjs|css)|\.bundle\.js|\.js\.map|\.css\.map|\.drawio(?:\.svg|\.png)?|\.dio|\.excalidraw(?:\.svg|\.png)?)$/;
/** Go's convention (`// Code generated ... DO NOT EDIT.`) and the `@generated` marker of other generators. */
const GENERATED_HEADER = /Code generated .{0,200}DO NOT EDIT|@generated\b/;

export function isGeneratedOrMinified(path: string, content: string): boolean {
  return MINIFIED_NAME.test(path) || GENERATED_HEADER.test(content.slice(0, 2000));
}

const UUID = String.raw`\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b`;
const SSH_PUBLIC_KEY = String.raw`(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\d+|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)\s+AAAA[A-Za-z0-9+/]+=*`;
const BECH32 = '[qpzry9x8gf2tvdw0s3jn54khce6mua7l]';

/**
 * Spans blanked out of a line before tokens are looked for, so offsets stay right: image and other data URIs, SSH
 * public keys, age recipients (`age1…`, bech32), UUIDs, and template placeholders (`${VAR}`, `{{ ... }}`,
 * `<your-token>`). sops ciphertext is not among them: the engine skips it only where it is trusted (a well-formed
 * value of a valid sops file, src/sops/ciphertext-spans.ts); an `ENC[...]` anywhere else is text.
 */
const BLANKED = new RegExp(
  [
    String.raw`data:[\w.+-]+/[\w.+-]+(?:;[\w=.-]+)*;base64,[A-Za-z0-9+/=]+`,
    SSH_PUBLIC_KEY,
    String.raw`\bage1${BECH32}{58}\b`,
    UUID,
    String.raw`\$\{[^}\n]*\}`,
    String.raw`\{\{.*?\}\}`,
    String.raw`<[A-Za-z_][\w .:-]*>`,
  ].join('|'),
  'g',
);

const BLANK_TRIGGER = /data:|ssh-|ecdsa-|age1|\$\{|\{\{|<|-[0-9a-fA-F]{4}-/;

export function blankIgnoredSpans(line: string): string {
  if (!BLANK_TRIGGER.test(line)) return line;
  return line.replace(BLANKED, (m) => ' '.repeat(m.length));
}

/** Lengths of MD5, SHA-1, SHA-256, SHA-384 and SHA-512 in hex. */
const DIGEST_HEX_LENGTHS = new Set([32, 40, 64, 96, 128]);

/**
 * A hex token as long as a common digest is taken for one (a Terraform plan's `user_data` hash, a PGP
 * fingerprint, a fixture's content hash) unless the key it is assigned to names a credential.
 */
export function looksLikeDigest(token: string, key: string | undefined): boolean {
  return DIGEST_HEX_LENGTHS.has(token.length) && /^[0-9a-fA-F]+$/.test(token) && !isCredentialName(key);
}

const SRI = /^(?:sha1|sha256|sha384|sha512)-/;
/** `sha256:<hex>`, Go's `h1:` and Terraform's `zh:` provider hashes. */
const DIGEST_PREFIX = /(?:sha1|sha256|sha384|sha512|md5|h1|zh|blake2b|sha):$/i;

/**
 * A charset table (`ABC…xyz0123456789+/`, a base32 or bech32 alphabet) is as random as a token by Shannon's
 * measure; it gives itself away by never repeating a character, or by a run of consecutive characters that a
 * random token of this length almost never has.
 */
function looksLikeAlphabet(token: string): boolean {
  if (token.length >= 24 && new Set(token).size === token.length) return true;
  let run = 1;
  for (let i = 1; i < token.length; i++) {
    run = token.charCodeAt(i) === token.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run >= 6) return true;
  }
  return false;
}

/** Token-level filters: all-digit numbers, SRI strings (`sha512-…`), `sha256:<hex>` digests, alphabets. */
export function isBenignToken(token: string, before: string): boolean {
  return /^\d+$/.test(token) || SRI.test(token) || DIGEST_PREFIX.test(before) || looksLikeAlphabet(token);
}
