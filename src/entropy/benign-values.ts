/**
 * Random-looking values that are not credentials, by class (issue 14, measured on public sops repositories):
 * filesystem and device paths, cloud resource names, URLs and secret-manager references, password hashes, DKIM
 * records, public keys of Nix binary caches, Syncthing device ids, ULIDs, LVM UUIDs, variable references, and
 * placeholders made to look like a token. Regexes are compiled once here.
 */

/**
 * Values that are one of the classes as a whole (besides paths: `/dev/disk/by-id/nvme-…`, `/nix/store/…`): a GCP
 * resource name (`projects/x/zones/y/disks/z`), a reference to a secret held by a secret
 * manager (`op://vault/item/field`, vals' `ref+sops://`, `vault://`), a crypt(3) or LDAP password hash (`$6$…`,
 * `$argon2id$…`, `{SSHA}…`: a hash of a password, not the password), a DKIM record (`v=DKIM1; k=rsa; p=…`) and
 * an elided value (`AbCd...`).
 */
const BENIGN_VALUE = new RegExp(
  [
    String.raw`^(?://[\w.-]+/)?(?:projects|organizations|folders|billingAccounts)/[^/\s]+/`,
    String.raw`\b(?:op|ref\+[a-z0-9]+|vault|awssecrets|awssm|awskms|gcpsecrets|gcpsm|azurekeyvault|akv|bws?|keeper|doppler|infisical|onepassword|ssm):\/\/`,
    String.raw`^\$(?:1|2[abxy]?|5|6|7|y|gy|apr1|argon2(?:id|i|d)|pbkdf2(?:-sha\d+)?|scrypt|sha1|md5)\$`,
    String.raw`^\{(?:S?SHA(?:256|384|512)?|S?MD5|CRYPT|PBKDF2[\w-]*|ARGON2)\}`,
    String.raw`\bv=DKIM1\b|^k=(?:rsa|ed25519);`,
    // elided: `"ABAQDAwXxn7kIMNWzcDfo..."` is the start of something in a document, not a usable credential
    String.raw`(?:\.\.\.|…)$`,
  ].join('|'),
  'i',
);

/**
 * A path (relative, in a home directory, under a variable or under a root directory's lower-case name: base64 may
 * start with `/`), or a shell command's output (`$(cat $CREDENTIALS_DIRECTORY/token)`).
 */
const PATH = /^(?:(?:\.{1,2}|~)\/|\/?\$\{?[A-Za-z_]\w*\}?\/|\/(?:[a-z]{2,12}|Users|Volumes)\/|\$\()/;

export function isBenignValue(value: string): boolean {
  return PATH.test(value) || BENIGN_VALUE.test(value);
}

/** A URL: the tokens of its path are judged one segment at a time. */
export const isUrl = (value: string): boolean => value.includes('://');

/**
 * Tokens that are identifiers of a known shape: a Nix binary cache's public key (`cache.nixos.org-1:<32 bytes>`;
 * the secret key is 64 bytes and is reported), a Syncthing device id (eight groups of seven base32 characters), a
 * ULID (26 Crockford base32 characters, time first), an LVM UUID (6-4-4-4-4-4-6), a variable's name, an
 * identifier made of words, a placeholder and a repeated unit.
 */
const SYNCTHING_ID = /^[A-Z2-7]{7}(?:-[A-Z2-7]{7}){7}$/;
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
const LVM_UUID = /^[A-Za-z0-9]{6}(?:-[A-Za-z0-9]{4}){5}-[A-Za-z0-9]{6}$/;
const NIX_CACHE_KEY_NAME = /-\d+:$/;
/** `$VAR`, `${…`, `#{…`: the token names a variable, it is not a value. */
const VARIABLE_SIGIL = /(?:\$|#\{|\$\{)$/;
/** A token that says it is a stand-in: AWS's documented `…EXAMPLEKEY`, `ghp_yourToken`, `…dummy…`, runs of x. */
const PLACEHOLDER_INSIDE = /example|sample|dummy|placeholder|changeme|redacted|notreal|fake|your|xxxxx/i;

export function isKnownIdentifier(token: string, before: string): boolean {
  return (
    SYNCTHING_ID.test(token) ||
    ULID.test(token) ||
    LVM_UUID.test(token) ||
    (token.length === 44 && token.endsWith('=') && NIX_CACHE_KEY_NAME.test(before)) ||
    VARIABLE_SIGIL.test(before) ||
    PLACEHOLDER_INSIDE.test(token) ||
    isWordsIdentifier(token) ||
    isPeriodic(token)
  );
}

/**
 * An identifier made of words: parts joined by `_` or `-`, each a word in one case with trailing digits, an upper-case
 * word with digits, a number or a version (`ZIGBEE2MQTT_PASSWORD`, `qbittorrent_password`, `source-v1beta2`), or camel-case words
 * (`RecoverDataKeyFromBuggyKMS`). A random 32-character alphanumeric or base64url secret reads as one about once in
 * 100,000; a lower-case one with separators, 5 times in 10,000.
 */
const WORD_PART = /^(?:[a-z]+[0-9]*|[A-Z][A-Z0-9]*|[A-Z][a-z]+[0-9]*|[0-9]+|v[0-9]+(?:(?:alpha|beta|rc)[0-9]*)?)$/;
const TWO_LETTERS = /[A-Za-z].*[A-Za-z]/;
const CAMEL_CASE_WORDS = /^(?:[a-z]{2,})?(?:[A-Z][a-z]{2,}|[A-Z]{2,5}(?![a-z])|[A-Z](?=[A-Z][a-z]{2}))+$/;

function isWordsIdentifier(token: string): boolean {
  if (CAMEL_CASE_WORDS.test(token)) return true;
  const parts = token.split(/[-_]+/).filter(Boolean);
  // Two parts need two words: one word and a number is how random tokens split too.
  return parts.length >= 2 && parts.every((p) => WORD_PART.test(p) && (parts.length > 2 || TWO_LETTERS.test(p)));
}

/** A token that repeats a shorter unit (`ABC123abc123ABC123…`) is typed, not generated. */
function isPeriodic(token: string): boolean {
  for (let period = 1; period <= token.length / 2; period++) {
    let i = period;
    while (i < token.length && token.charCodeAt(i) === token.charCodeAt(i - period)) i++;
    if (i === token.length) return true;
  }
  return false;
}
