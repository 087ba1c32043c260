/**
 * Where a random-looking value is worth a warning: assigned to a name that says credential, or anywhere in a file
 * whose purpose is to hold secrets. Elsewhere random-looking strings are identifiers, digests, public keys and
 * paths far more often than credentials (issue 14: on public sops repositories, 9 warnings in 10 were).
 */
import { nameWords } from '../util/placeholders.js';

/** Words that make a name a credential's. */
const CREDENTIAL_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'pw',
  'pass',
  'passphrase',
  'passcode',
  'secret',
  'secrets',
  'token',
  'tokens',
  'credential',
  'credentials',
  'creds',
  'apikey',
  'auth',
  'authorization',
  'bearer',
  'privatekey',
  'psk',
  'dsn',
  'webhook',
  'cookie',
]);
/** Credential words run together in one lower-case word (`secretboxencryptionsecret`, `olcrootpw` aside). */
const CREDENTIAL_INSIDE = /secret|password|passwd|token|apikey|accesskey|privatekey|signingkey|encryptionkey/;
/**
 * Words that say what a value is when it is not the credential: a name ending in one of them holds something
 * about a credential (`secretName`, `passwordFile`, `token_id`, `public_key`, `password_hash`), not the credential.
 */
const NOT_THE_CREDENTIAL = new Set([
  'public',
  'pub',
  'id',
  'ids',
  'identifier',
  'name',
  'names',
  'path',
  'paths',
  'file',
  'files',
  'dir',
  'directory',
  'arn',
  'alias',
  'type',
  'length',
  'size',
  'region',
  'version',
  'enabled',
  'usage',
  'spec',
  'algorithm',
  'alg',
  'rotation',
  'ttl',
  'expiry',
  'expires',
  'count',
  'prefix',
  'ring',
  'location',
  'ref',
  'reference',
  'cmd',
  'command',
  'policy',
  'role',
  'scope',
  'scopes',
  'mode',
  'provider',
  'store',
  'hint',
  'format',
  'label',
  'description',
  'field',
  'template',
  // digests, revisions and integrity strings
  'sha',
  'shasum',
  'md5',
  'checksum',
  'checksums',
  'digest',
  'hash',
  'hashes',
  'hashed',
  'commit',
  'commits',
  'rev',
  'revision',
  'etag',
  'integrity',
  'fingerprint',
  'fp',
  'pgp',
  'gpg',
  'oid',
  'nonce',
  'git',
  'tree',
  'parent',
  // ciphertext (sops' wrapped data keys are `enc`, docs/sops-format.md §2.2, §6)
  'enc',
  'encrypted',
  'ciphertext',
]);

/**
 * What a name says its value is, judged by its head word: the last word that says anything, as in English compounds
 * (`git_token` is a token, `token_sha256` a digest, `password_hash` a hash). `key` counts when another word
 * qualifies it (`api_key`, `signing_key`, `client-key-data` are credentials, `public_key` is not); `key` alone says
 * nothing: it names taints, tags, S3 paths and key ids as often as keys. Only the last dotted segment counts
 * (`wireguard.remotePublicKey`, `config.secret_key`).
 */
function whatTheNameSays(name: string | undefined): 'credential' | 'something else' | undefined {
  if (!name) return undefined;
  const words = nameWords(name.slice(name.lastIndexOf('.') + 1));
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]!;
    if (NOT_THE_CREDENTIAL.has(word) || /^sha\d+$|^hash/.test(word)) return 'something else';
    if (CREDENTIAL_WORDS.has(word) || CREDENTIAL_INSIDE.test(word)) return 'credential';
    if (word === 'key') return i === 0 ? undefined : NOT_THE_CREDENTIAL.has(words[i - 1]!) ? 'something else' : 'credential';
  }
  return undefined;
}

export const isCredentialName = (name: string | undefined): boolean => whatTheNameSays(name) === 'credential';

/** A name that says its value is not a credential: a digest, an id, a public key, a path, ciphertext. */
export const namesSomethingElse = (name: string | undefined): boolean => whatTheNameSays(name) === 'something else';

/**
 * The name a `value` or `default` is given on the lines just before it or earlier on its line: Kubernetes and
 * compose env lists (`- name: API_TOKEN` / `value: ...`), Terraform variables (`variable "db_password" {` /
 * `default = ...`), `<add key="ApiKey" value="..."/>`. Any other key is its own name.
 */
const NAMED_ELSEWHERE = /^(?:value|default)$/i;
const NAME_BEFORE = /(?:\b(?:name|key)\s*[:=]\s*["']?|\bvariable\s+")([A-Za-z_][\w.-]*)/g;

export function nameOf(key: string | undefined, content: string, index: number): string | undefined {
  if (key === undefined || !NAMED_ELSEWHERE.test(key)) return key;
  let from = index;
  for (let lines = 0; lines < 3 && from > 0; lines++) from = content.lastIndexOf('\n', from - 1);
  let name = key;
  for (const m of content.slice(Math.max(0, from, index - 300), index).matchAll(NAME_BEFORE)) name = m[1]!;
  return name;
}

/** A Kubernetes Secret manifest (`kind: Secret`; not SealedSecret or ExternalSecret): its data are secrets. */
const SECRET_MANIFEST = /^kind:[ \t]*["']?Secret["']?[ \t]*$/m;

export const isSecretManifest = (path: string, content: string): boolean => /\.ya?ml$/i.test(path) && SECRET_MANIFEST.test(content);

/**
 * Files whose values are secrets by purpose: dotenv files, tfvars, credential stores, and data files named for
 * secrets (`secrets.yaml`, `db-credentials.json`, `app-secret.yml`; not code such as `secrets.nix` or
 * `passwords.tf`, whose values are mostly references). Any quoted or assigned value in them is measured.
 */
const SECRET_STORE_NAME = /^(?:\.env(?:\..+)?|.+\.env|.+\.tfvars(?:\.json)?|\.netrc|\.pgpass|\.git-credentials|\.pypirc|\.npmrc|\.dockerconfigjson)$/;
const NAMED_FOR_SECRETS = /(?:^|[^a-z])(?:secrets?|credentials?|passwords?)(?:[^a-z]|$)/i;
/** External Secrets and Sealed Secrets manifests hold references and ciphertext, named for secrets all the same. */
const NAMED_FOR_SECRET_REFERENCES = /(?:external|sealed)[-_]?secrets?|secrets?[-_]?stores?/i;
/** A data format, or no extension; a backup suffix (`secrets.yaml_`, `.yaml.bak`) is still the data. */
const DATA_FILE = /^[^.]+$|\.(?:ya?ml|json|toml|ini|conf|cfg|properties|txt|env)(?:[._~-]\w*)?$/i;

export function isSecretBearingPath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return SECRET_STORE_NAME.test(name) || (NAMED_FOR_SECRETS.test(name) && DATA_FILE.test(name) && !NAMED_FOR_SECRET_REFERENCES.test(name));
}
