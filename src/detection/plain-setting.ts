/**
 * Whether a value is evidently a setting and not a secret: a number, a boolean, a log level, a path, a host, a URL
 * without credentials, words (`production`, `en_US.UTF-8`, `Europe/Berlin`). Judged strictly, by what the value is
 * made of: every part between separators must be a number, a version (`v2`) or a word a person would write (letters
 * only, one case or capitalised; a long one reads like a word). A digit inside a word (`hunter2`, `abc123def`), a symbol
 * (`Xk9#mQ2$`), mixed case (`XkQmLvPp`), a query string (`?token=`) or a user in a URL (`user:pass@host`) is not a
 * plain setting. plaintext-env-file uses it to pass a real env file of settings only; when unsure, it is a secret.
 */

/** Separators between the parts of a setting: paths, hosts, ports, lists, words; `@` too in an address (not a URL). */
const SEPARATORS = /[\s,;:/._+-]+/;
const ADDRESS_SEPARATORS = /[\s,;:/._+@-]+/;
/** `${HOST}`, `$HOME`: a reference to another variable (a default after `:-` is a value, and is judged). */
const REFERENCE = /\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g;
const NUMBER = /^\d+$/;
/** `v2`, `10s`, `512Mi`, `80%`: a version, or a number with a unit. */
const VERSION_OR_QUANTITY = /^(?:v\d+|\d+(?:ms|s|m|h|d|w|k|kb|mb|gb|ki|mi|gi|%))$/i;
/** Letters of one case, or one capital then lower case (`Europe`, `UTF`, `production`). */
const WORD_CASE = /^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+)$/;

function isWordPart(part: string): boolean {
  if (NUMBER.test(part) || VERSION_OR_QUANTITY.test(part)) return true;
  if (!WORD_CASE.test(part) || part.length > 20) return false;
  if (part.length <= 6) return true; // `https`, `nr`, `ssl`: short parts need no vowel
  // A long word reads like one: a vowel in every five letters or so, no five consonants in a row (random letters do).
  const vowels = part.match(/[aeiouy]/gi)?.length ?? 0;
  return vowels >= part.length / 5 && !/[^aeiouy]{5}/i.test(part);
}

export function isPlainSetting(value: string): boolean {
  const v = value.trim().replace(REFERENCE, ' ');
  if (v.length > 200) return false;
  const isUrl = v.includes('://');
  if (isUrl && /[@?#]/.test(v)) return false;
  const parts = v.split(isUrl ? SEPARATORS : ADDRESS_SEPARATORS).filter(Boolean);
  return parts.every(isWordPart);
}
