/**
 * Whether a literal assigned to a credential's name looks like the credential itself, rather than a stand-in
 * (placeholders, src/util/placeholders.ts), a reference to where it is kept (`${DB_PASSWORD}`, `vault:secret/db`,
 * `ENC[...]`), an expression (`config.password`, `getenv(...)`), a path, a URL, a word, or a setting about the
 * credential (`HS256`, `sha256`). Two shapes: a password is chosen by a person (short, a digit or a symbol); a token
 * or key is made by a machine (16 characters or more, random-looking).
 */
import { shannonEntropy } from '../entropy/shannon.js';
import { isPlaceholder } from '../util/placeholders.js';
import { isSpelledOutStandIn } from './spelled-out.js';

export type CredentialKind = 'password' | 'token';

const REFERENCE =
  /\$\{|\{\d*\}|\$\(|#\{|\{\{|\{%|<%|%\(|%[A-Za-z_]+%|^\\?[$@%&!*]|^ENC\[|^(?:vault|ref\+\w+|arn|op|sm|awssm|gcpsm|azkv|secret|secrets|env|file|k8s|bw|doppler|keyring|cmd|exec|sops)[:+]|^os\.environ\b/i;
/**
 * Expressions: a call, an index, a jq filter (`(.data.KEY | @base64d)`, `($var | ...)`), an object built (`x{`),
 * a Terraform reference (`local.secrets.vm_password`), a dotted path that ends in a credential's name.
 */
const CALL_OR_INDEX = /[A-Za-z_]\s*[([]|[){]$|^\([$.]/;
const DOTTED_REFERENCE =
  /^(?:(?:local|var|module|data|each|self|path|terraform|count)\.[A-Za-z_]|[A-Za-z_]\w*(?:\.[A-Za-z_][\w-]*)*\.[A-Za-z_-]*(?:pass|pwd|secret|token|key|cred|auth)[A-Za-z_-]*\d?$)/i;
/** `{FRIGATE_MQTT_PASSWORD}`: an environment variable substituted by the application (Frigate, Python's format). */
const BRACED_NAME = /^\{[A-Za-z_][A-Za-z0-9_]*\}$/;
/** A password hash in LDAP's scheme prefix (`{SSHA}...`): what a server stores, not the password. */
const HASH_SCHEME = /^\{(?:S?SHA\d*|S?MD5|CRYPT|PBKDF2[\w-]*|ARGON2\w*|BCRYPT)\}/i;
/** IPv6 and MAC addresses, ISO timestamps. */
const ADDRESS_OR_TIME = /^(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}$|^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;
const PATH = /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)|\.(?:pem|key|crt|cer|der|json|ya?ml|txt|p12|pfx|jks|env|cfg|conf|ini|gpg|asc|pub|sh|age)$/i;
const EMAIL_OR_URL = /^[^@\s]+@[\w-]+(?:\.[\w-]+)+$|:\/\//;
const NUMBER_OR_DATE = /^[\d\s.,:_+-]+$/;
const REGEX_SYNTAX = /\\[dwsbDWS]|\(\?|\[\^|\.\*|\.\+|^\^/;
/** `HS256`, `aes-256-gcm`, `scram-sha-256`, `sha512`: an algorithm, not a key. */
const ALGORITHM = /^(?:scram-)?(?:sha|md|hmac|aes|rsa|hs|rs|es|ps|ed|chacha|blake|argon|bcrypt|pbkdf)[\w-]*\d+[\w-]*$/i;
const KEYWORDS = /^(?:true|false|yes|no|on|off|null|nil|none|undefined|required|optional)$/i;

/** Letters only, in words of three or more (`my_password_field`, `SecretKeyRef`, `secrets.githubToken`). */
function isWordy(value: string): boolean {
  if (/\d/.test(value)) return false;
  const parts = value.split(/[\s_.:/-]+|(?<=[a-z])(?=[A-Z])/).filter(Boolean);
  return parts.length > 0 && parts.every((p) => /^[A-Za-z]{3,}$|^[A-Za-z]$/.test(p) && (p.length >= 3 || parts.length === 1));
}

/** `plaintext-token-456`, `myServiceKey2024`: words of three letters or more and short numbers, chosen, not random. */
function isWordsAndNumbers(value: string): boolean {
  const parts = value.split(/[\s_.:/-]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])/).filter(Boolean);
  return parts.every((p) => /^[A-Za-z]{3,}$/.test(p) || /^\d{1,4}$/.test(p));
}

/** `A1B2C3D4E5F6G7H8I9J0`, `abcdef123456`: letters and digits each counting up, a documentation example. */
function isCountingSequence(value: string): boolean {
  const letters = value.toLowerCase().replace(/[^a-z]/g, '');
  const digits = value.replace(/\D/g, '');
  const counts = (s: string, step: (a: number, b: number) => boolean) => [...s].every((c, i) => i === 0 || step(s.charCodeAt(i - 1), c.charCodeAt(0)));
  return value.length >= 6 && counts(letters, (a, b) => b === a + 1) && counts(digits, (a, b) => b === a + 1 || (a === 57 && b === 48));
}

/**
 * `B2_KOPIA_ACCESS_KEY_ID`, `radarr_4k_RADARR_API_KEY`, `ZIGBEE2MQTT_PAN_ID`: the name of a variable or a key, made
 * of words, short parts and upper-case names with a digit or two; a random part (`live_key_4eC39HqLyjWD`) is none.
 */
function isIdentifierName(value: string): boolean {
  const parts = value.split('_');
  const wordLike = (p: string) =>
    /^[A-Za-z]{1,16}$/.test(p) || /^[A-Za-z0-9]{1,4}$/.test(p) || (/^[A-Z0-9]{5,12}$/.test(p) && (p.match(/\d/g) ?? []).length <= 2);
  return parts.length >= 3 && parts.every(wordLike) && parts.filter((p) => /^[A-Za-z]{3,}$/.test(p)).length >= 2;
}

/** `restic/nas-0-password`, `Kubernetes/grafana-admin`: a path or a secret's name in a store, made of words. */
function isWordPath(value: string): boolean {
  const segments = value.split('/');
  return segments.length >= 2 && segments.every((s) => s !== '' && isWordsAndNumbers(s));
}

/** `ABC123abc123ABC123abc123`: a short unit repeated, a documentation example. */
function isRepeatedUnit(value: string): boolean {
  const v = value.toLowerCase();
  for (let n = 1; n <= 8 && n * 3 <= v.length; n++) {
    if ([...v].every((c, i) => c === v[i % n])) return true;
  }
  return false;
}

/** `VGVzdFNlY3JldDE=` is base64 of `TestSecret1`: the encoding of a stand-in is one. */
function encodesStandIn(value: string): boolean {
  if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]{4,}={0,2}$/.test(value)) return false;
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return /^[\x20-\x7e]{4,}$/.test(decoded) && (isPlaceholder(decoded) || isSpelledOutStandIn(decoded) || isWordy(decoded));
}

function isStandIn(value: string): boolean {
  return (
    isPlaceholder(value) ||
    isSpelledOutStandIn(value) ||
    DOTTED_REFERENCE.test(value) ||
    BRACED_NAME.test(value) ||
    HASH_SCHEME.test(value) ||
    ADDRESS_OR_TIME.test(value) ||
    isIdentifierName(value) ||
    isWordPath(value) ||
    isRepeatedUnit(value) ||
    encodesStandIn(value) ||
    value.includes('...') ||
    value.includes('…') ||
    value.includes('****') ||
    /\s/.test(value) ||
    REFERENCE.test(value) ||
    CALL_OR_INDEX.test(value) ||
    PATH.test(value) ||
    EMAIL_OR_URL.test(value) ||
    NUMBER_OR_DATE.test(value) ||
    REGEX_SYNTAX.test(value) ||
    ALGORITHM.test(value) ||
    KEYWORDS.test(value) ||
    isWordy(value) ||
    isCountingSequence(value) ||
    isCountingSequence(value.replace(/^[A-Za-z]{2,8}[-_]/, '')) ||
    /(.)\1{5,}/.test(value)
  );
}

export function looksLikeCredential(value: string, kind: CredentialKind): boolean {
  if (value.length > 400 || isStandIn(value)) return false;
  if (!/[A-Za-z]/.test(value)) return false;
  if (kind === 'password') {
    return value.length >= 6 && value.length <= 128 && (/\d/.test(value) || /[^A-Za-z0-9]/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value)));
  }
  if (value.length < 16 || shannonEntropy(value) < 3 || isWordsAndNumbers(value)) return false;
  return /\d/.test(value) || (value.length >= 24 && /[a-z]/.test(value) && /[A-Z]/.test(value));
}
