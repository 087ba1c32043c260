/**
 * What looks like a credential in text the repository wrote (a key name, a recipient, a regex): a known token
 * prefix, a PEM or PuTTY private key, or a random-looking run. Reports show such text masked, so a secret pasted
 * in the wrong place (an age secret key as a recipient, a token as a YAML key) is not printed by the message
 * that complains about it.
 */
import { shannonEntropy } from '../entropy/shannon.js';
import { maskSecret } from './mask.js';

/**
 * Prefixes of the token formats the guard knows (secretlint's preset and kin), as regex sources; a match masks the
 * whole token. `sk-` is OpenAI's and Anthropic's, not the `sk-ssh-ed25519@openssh.com` key type.
 */
const TOKEN_PREFIXES = [
  'ghp_',
  'gho_',
  'ghu_',
  'ghs_',
  'ghr_',
  'github_pat_',
  'glpat-',
  'glptt-',
  'gldt-',
  'glrt-',
  'xox[abeprs]-',
  'xapp-',
  '[sr]k_(?:live|test)_',
  'whsec_',
  'sk-(?!ssh-|ecdsa-)',
  'npm_',
  'pypi-',
  'hf_',
  'do[op]_v1_',
  'shp(?:at|ca|pa|ss)_',
  'SG\\.',
  'ya29\\.',
  'AIza',
  'eyJ',
  'AKIA',
  'ASIA',
  'ABIA',
  'ACCA',
  'A3T',
  'AGPA',
  'AIDA',
  'AROA',
  'AIPA',
  'ANPA',
  'ANVA',
  '(?:AGE|age)-(?:SECRET-KEY|secret-key)-',
  'AGE-PLUGIN-',
];
const PREFIXED = new RegExp(`(?<![A-Za-z0-9])(?:${TOKEN_PREFIXES.join('|')})[A-Za-z0-9+/=_.-]{8,}`, 'g');

/** From a private key's header on, nothing is shown: its body is the key. */
const KEY_BLOCK = /-----BEGIN[ A-Z0-9]*PRIVATE KEY|PuTTY-User-Key-File-|---- BEGIN SSH2 ENCRYPTED PRIVATE KEY/;

/** Runs long enough to hold a token, in the base64 / base64url / hex alphabets. */
const RUN = /[A-Za-z0-9+/=_-]{16,}/g;

const classOf = (c: string): number => (c >= 'a' && c <= 'z' ? 1 : c >= 'A' && c <= 'Z' ? 2 : c >= '0' && c <= '9' ? 3 : 0);

/** Share of letters and digits followed by one of another class (lower, upper, digit): high for random text. */
function classSwitches(token: string): number {
  let switches = 0;
  let counted = 0;
  let previous = 0;
  for (const c of token) {
    const cls = classOf(c);
    if (cls === 0) {
      previous = 0;
      continue;
    }
    counted++;
    if (previous !== 0 && cls !== previous) switches++;
    previous = cls;
  }
  return counted === 0 ? 0 : switches / counted;
}

/**
 * Random-looking: hex with some entropy, or letters and digits mixed the way random strings mix them. Names made
 * of words (`aws_secret_access_key_2`, `clientCertificateData`, `postgresql-primary-0`) are not.
 */
function looksRandom(run: string): boolean {
  const token = run.replace(/=+$/, '');
  if (token.length < 16) return false;
  const entropy = shannonEntropy(token);
  // Random hex of 24 characters or more falls under 3 bits now and then (`2f0608099cff2f20...`); masking a
  // repeated-looking digest costs a message nothing.
  if (/^[0-9a-fA-F]+$/.test(token)) return entropy >= (token.length >= 24 ? 2.5 : 3);
  const letters = /[A-Za-z]/.test(token);
  if (letters && /[0-9]/.test(token)) return entropy >= 3.3 && classSwitches(token) >= 0.1;
  const mixedCase = /[a-z]/.test(token) && /[A-Z]/.test(token);
  if (!mixedCase || token.length < 20 || entropy < 3.5) return false;
  return classSwitches(token) >= 0.3 || randomCaseShare(token) || base64Signs(token, entropy);
}

/**
 * Letters-only base64 whose cases happen to fall unevenly (`wtOTJnqltzoncVPluGGnnUus+CH/wvnv`): a `+` between
 * letters, which names and paths do not hold, or too few vowels for words (a fifth of random letters are vowels,
 * a third or more of a name's). Neither matched a name among 16,000 long mixed-case runs of an npm tree.
 */
function base64Signs(token: string, entropy: number): boolean {
  if (entropy >= 4 && /[A-Za-z]\++[A-Za-z]/.test(token)) return true;
  return token.length >= 24 && entropy >= 4.1 && vowelShare(token) < 0.2;
}

function vowelShare(token: string): number {
  const letters = token.replace(/[^A-Za-z]/g, '');
  return letters.replace(/[^aeiouAEIOU]/g, '').length / letters.length;
}

/**
 * Letters drawn at random are upper case about half the time, however the cases happen to fall in runs; names in
 * camelCase or PascalCase capitalise a word's first letter only (`insecureSkipTLSVerify`: a fifth of its letters).
 */
function randomCaseShare(token: string): boolean {
  const letters = token.replace(/[^A-Za-z]/g, '');
  const upper = letters.replace(/[^A-Z]/g, '').length / letters.length;
  return upper >= 0.35 && upper <= 0.65;
}

/** Public recipients that are random by design: shown as written (their own fields are never masked). */
const PUBLIC_RECIPIENT = new RegExp(
  [
    String.raw`age1[0-9a-z]+`,
    String.raw`ssh-(?:ed25519|rsa) AAAA[A-Za-z0-9+/]+=*(?: [^\s]*)?`,
    String.raw`[0-9A-Fa-f]{16}|[0-9A-Fa-f]{40}|[0-9A-Fa-f]{64}`,
    String.raw`arn:aws[\w-]*:kms:[\w-]+:\d{12}:(?:key|alias)/[\w/-]+(?:\+arn:aws[\w-]*:iam::\d{12}:role/[\w+=,.@/-]+)?`,
    String.raw`projects/[\w.-]+/locations/[\w-]+/keyRings/[\w-]+/cryptoKeys/[\w-]+`,
    String.raw`https://[\w.-]+(?::\d+)?(?:/[\w.-]*)*`,
    String.raw`[\w-]+:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`,
  ]
    .map((p) => `(?:${p})`)
    .join('|')
    .replace(/^/, '^(?:')
    .concat(')$'),
);

export interface MaskOptions {
  /** The text is a recipient: a well-formed public one is not masked for looking random. */
  readonly recipient?: boolean;
}

/** `text` with every credential-looking part masked (`ghp_****`); the rest is left as written. */
export function maskCredentials(text: string, options: MaskOptions = {}): string {
  const block = KEY_BLOCK.exec(text);
  const head = block ? text.slice(0, block.index) : text;
  // Random runs first: a prefix found inside one (`NWVdoH2Q+eyJH…` holds the JWT's `eyJ`) would otherwise mask
  // only from the prefix on and leave the run's head in view.
  let out = head;
  if (!(options.recipient && PUBLIC_RECIPIENT.test(text.trim()))) out = out.replace(RUN, (run) => (looksRandom(run) ? maskSecret(run) : run));
  out = out.replace(PREFIXED, (token) => maskSecret(token));
  return block ? `${out}${text.slice(block.index, block.index + 10)}****` : out;
}

/** True when any part of `text` would be masked. */
export function looksLikeCredential(text: string): boolean {
  return maskCredentials(text) !== text;
}
