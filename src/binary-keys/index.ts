/**
 * Private keys that only exist in binary form, recognised by their first bytes: what the engine gives a rule for
 * a binary file (SourceFile.head). Text forms (armored PGP, PEM, gpg-agent's "Key:" files) are found by content.
 */
import { isJavaKeyStoreWithKey, isPkcs12WithKey } from './keystores.js';
import { isOpenPgpSecretKey } from './openpgp.js';

/**
 * gpg-agent's `private-keys-v1.d/*.key` in the canonical S-expression format (before GnuPG 2.2.20 wrote the
 * "Key:" text format), which can hold NUL bytes: `(11:private-key(3:rsa...` or `(21:protected-private-key(...`.
 * A `shadowed-private-key` only points at a smartcard and holds no secret.
 */
export const AGENT_KEY_SEXP = /^\((?:11:private-key|21:protected-private-key)\(\d{1,3}:[a-z]/;

/** What kind of private key the bytes hold, for a message; undefined when they are not one this knows. */
export function binaryPrivateKeyKind(head: Uint8Array): string | undefined {
  if (isOpenPgpSecretKey(head)) return 'OpenPGP secret key (binary keyring or export)';
  if (isPkcs12WithKey(head)) return 'PKCS#12 key store with a private key';
  if (isJavaKeyStoreWithKey(head)) return 'Java key store (JKS/JCEKS) with a private or secret key';
  if (AGENT_KEY_SEXP.test(Buffer.from(head.subarray(0, 64)).toString('latin1'))) return 'gpg-agent private key';
  return undefined;
}
