/**
 * Masking: a report may show at most a short prefix of a secret, enough to recognise which token it is
 * (`AKIA****`) and never enough to use it.
 */

const MASK = '****';

/** Keeps up to 4 leading characters of a secret of 12 or more characters, none of a shorter one. */
export function maskSecret(secret: string): string {
  const keep = secret.length >= 12 ? 4 : 0;
  return secret.slice(0, keep) + MASK;
}
