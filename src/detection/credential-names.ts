/**
 * Which names hold a credential for generic-credential, and of which kind. The judgement is
 * src/util/placeholders.ts' `isSensitiveName` on the name's last dotted segment (`spring.datasource.password`), plus
 * words that make a name about the credential rather than the credential (`password_field`, `token_endpoint`,
 * `secretKeyRef`), and `key` or `auth` alone, too vague to judge by.
 */
import { isSensitiveName, nameWords } from '../util/placeholders.js';
import type { CredentialKind } from './value-shape.js';

const ABOUT_THE_CREDENTIAL = new Set([
  'field', 'label', 'prompt', 'message', 'msg', 'text', 'title', 'hint', 'placeholder', 'regex', 'pattern', 'policy', 'min',
  'max', 'hash', 'hashed', 'digest', 'sha', 'sha1', 'sha256', 'sha512', 'md5', 'checksum', 'fingerprint', 'header', 'env',
  'var', 'variable', 'ref', 'reference', 'command', 'cmd', 'endpoint', 'method', 'mode', 'provider', 'store', 'manager',
  'reset', 'validation', 'validator', 'strength', 'error', 'input', 'format', 'template', 'param', 'parameter', 'arg',
  'attribute', 'column', 'table', 'mount', 'dir', 'directory', 'expires', 'expiration', 'expiry', 'timeout', 'lifetime',
  'duration', 'interval', 'limit', 'required', 'disabled', 'csrf', 'xsrf', 'encrypted', 'ciphertext', 'suffix', 'separator',
  'kind', 'class', 'selector', 'source', 'from', 'policy', 'secretsmanager', 'keyvault', 'generator', 'option', 'options',
]);
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pass', 'pwd', 'passphrase', 'passwort', 'contrasena', 'senha']);

/** The kind of credential a name holds, or undefined when it holds none. */
export function credentialKind(name: string): CredentialKind | undefined {
  const last = name.slice(name.lastIndexOf('.') + 1);
  const words = nameWords(last);
  if (words.length === 0 || words.some((w) => ABOUT_THE_CREDENTIAL.has(w))) return undefined;
  const joined = words.join('');
  if (words.some((w) => PASSWORD_WORDS.has(w)) || /passw(or)?d/.test(joined)) return words.includes('public') ? undefined : 'password';
  if (words.length === 1 && (joined === 'key' || joined === 'auth' || joined === 'pass')) return undefined;
  return isSensitiveName(last) ? 'token' : undefined;
}
