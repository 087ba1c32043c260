/**
 * Which names hold a credential for generic-credential, and of which kind. The judgement is
 * src/util/placeholders.ts' `isSensitiveName` on the name's last dotted segment (`spring.datasource.password`), plus
 * words that make a name about the credential rather than the credential (`password_field`, `token_endpoint`,
 * `secretKeyRef`), and `key` or `auth` alone, too vague to judge by.
 */
import { isSensitiveName, nameWords } from '../util/placeholders.js';
import type { CredentialKind } from './value-shape.js';

const ABOUT_THE_CREDENTIAL = new Set([
  'field',
  'label',
  'prompt',
  'message',
  'msg',
  'text',
  'title',
  'hint',
  'placeholder',
  'regex',
  'pattern',
  'policy',
  'min',
  'max',
  'hash',
  'hashed',
  'digest',
  'sha',
  'sha1',
  'sha256',
  'sha512',
  'md5',
  'checksum',
  'fingerprint',
  'header',
  'env',
  'var',
  'variable',
  'ref',
  'reference',
  'command',
  'cmd',
  'endpoint',
  'method',
  'mode',
  'provider',
  'store',
  'manager',
  'reset',
  'validation',
  'validator',
  'strength',
  'error',
  'input',
  'format',
  'template',
  'param',
  'parameter',
  'arg',
  'attribute',
  'column',
  'table',
  'mount',
  'dir',
  'directory',
  'expires',
  'expiration',
  'expiry',
  'timeout',
  'lifetime',
  'duration',
  'interval',
  'limit',
  'required',
  'disabled',
  'csrf',
  'xsrf',
  'encrypted',
  'ciphertext',
  'suffix',
  'separator',
  'kind',
  'class',
  'selector',
  'source',
  'from',
  'policy',
  'secretsmanager',
  'keyvault',
  'generator',
  'option',
  'options',
  // Where a credential is kept or whether one is asked for (`passwordFile`, `wheelNeedsPassword`, `--no-root-passwd`),
  // and IPv6 interface tokens, which are addresses.
  'file',
  'files',
  'path',
  'paths',
  'needs',
  'flag',
  'length',
  'no',
  'ipv6',
  // When it was set or changed (`passwordRevisionDate`).
  'date',
  'revision',
  'timestamp',
  'changed',
]);
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pass', 'pwd', 'passphrase', 'passwort', 'contrasena', 'senha']);
/**
 * `key` and `auth` name a credential only with a word that says which (`api_key`, `signingKey`, `auth_token`); a
 * `first_key`, `sort_key`, `cache_key` or `logKeyBucket` is a key of a map, a table or a bucket.
 */
const NAMES_A_CREDENTIAL = new Set(['secret', 'secrets', 'token', 'credential', 'credentials', 'dsn', 'webhook', 'apikey', 'privatekey']);
const KEY_QUALIFIERS = new Set([
  'api',
  'access',
  'private',
  'priv',
  'signing',
  'sign',
  'encryption',
  'encrypt',
  'decryption',
  'crypt',
  'master',
  'client',
  'app',
  'application',
  'account',
  'service',
  'license',
  'licence',
  'session',
  'shared',
  'hmac',
  'jwt',
  'webhook',
  'storage',
  'admin',
  'root',
  'consumer',
  'deploy',
  'ssh',
  'gpg',
  'pgp',
  'aes',
  'cipher',
  'oauth',
  'bearer',
  'basic',
  'cookie',
  'recaptcha',
  'captcha',
  'stripe',
  'server',
  'user',
  'dev',
  'prod',
  'live',
  'sk',
  'rsa',
]);

/** 1Password, the product (`onepassword_vault`, `OP_1PASSWORD_ITEM`, `--onepassword-vault`), names no password. */
const ONE_PASSWORD = /(?:1|one)[-_]?password/gi;
const KEY_WORDS = new Set(['key', 'keys', 'auth']);
/** A GPG or SSH signing key named by its id or fingerprint (git's `signingKey = "2CEA90502F6F3637"`). */
const KEY_ID = /^(?:0x)?(?:[0-9A-F]{8}|[0-9A-F]{16}|[0-9A-F]{40})!?$/i;
const KEY_ID_QUALIFIERS = new Set(['signing', 'sign', 'gpg', 'pgp']);

/** The kind of credential a name holds, or undefined when it holds none. */
export function credentialKind(name: string): CredentialKind | undefined {
  const last = name.slice(name.lastIndexOf('.') + 1).replace(ONE_PASSWORD, 'onepw');
  const words = nameWords(last);
  if (words.length === 0 || words.some((w) => ABOUT_THE_CREDENTIAL.has(w))) return undefined;
  const joined = words.join('');
  if (words.some((w) => PASSWORD_WORDS.has(w)) || /passw(or)?d/.test(joined)) return words.includes('public') ? undefined : 'password';
  if (!isSensitiveName(last)) return undefined;
  if (/apikey|accesskey|secretkey|privatekey|clientsecret/.test(joined) || words.some((w) => NAMES_A_CREDENTIAL.has(w))) return 'token';
  // The qualifier comes first: an `api_key` or `client-key-data`, not a `keyAccount`.
  const keyAt = words.findLastIndex((w) => KEY_WORDS.has(w));
  return words.slice(0, Math.max(keyAt, 0)).some((w) => KEY_QUALIFIERS.has(w)) ? 'token' : undefined;
}

/** The value names a key rather than being one: a signing key's id or fingerprint. */
export function isKeyIdentifier(name: string, value: string): boolean {
  return KEY_ID.test(value) && nameWords(name).some((w) => KEY_ID_QUALIFIERS.has(w));
}
