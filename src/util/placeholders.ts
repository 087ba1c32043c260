/**
 * Values that only stand in for a secret: templates (`.env.example`), docs and samples use them, and a scanner that
 * flags them cries wolf. One vocabulary for every rule: the plaintext-file rules judge values with it, and the
 * engine drops a secret detector's finding whose secret it classes as a placeholder (src/engine/run-rule.ts).
 *
 * The WHOLE value must be placeholder-shaped, after at most a known token prefix (`ghp_`, `sk_live_`, `xoxb-`...):
 * a word of the vocabulary, a template (`<...>`, `${...}`, `{{ ... }}`), runs of one repeated character
 * (`xxxx-xxxx`, `0000`), an ellipsis (`whsec_...`, `ghp_xxxx...`), or AWS's documented example keys. A value that
 * merely contains `example` or `test` somewhere is not a placeholder; for a URL, its password is what is judged
 * (and a plain word as the password of a service on localhost is a local-development default).
 * After a known token prefix two more shapes are stand-ins, which no issued token of any of those formats has: a
 * body made of counting runs (`xoxb-1234-56789abcdefghijklmnop`), and a body of fewer than 12 letters and digits
 * (`xoxp-0-stub-token`, `xoxp-1-Mi123`; the shortest real body, an AWS key id's, has 16).
 */

const PLACEHOLDER_WORDS =
  /^(?:changeme|change[-_ ]?me|change[-_ ]?this|replace[-_ ]?me|todo|tbd|fixme|placeholder|example|sample|dummy|fake|test|none|null|nil|undefined|empty|blank|unset|not[-_ ]?set|ignored?|hidden|masked|omitted|secret|password|token|redacted|xxx+|\*+|-+|_+)$/i;
const TEMPLATE_SYNTAX = /^(?:\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*|\{\{.*\}\}|<[^<>]+>|%\([^)]*\)s|%[A-Z_]+%|\[[^\]]*\])$/i;
/** `your_api_key`, `insert-token-here`: words only (a digit makes it a value someone chose). */
const YOUR_SOMETHING = /^(?:(?:your|my|some|insert|enter|put|add)[-_ ][a-z_ -]*|[a-z][a-z_ -]*[-_ ](?:here|goes[-_ ]here))$/i;
/** An ellipsis before at most 4 characters (`...AbCd`, the tail some dashboards show). */
const LEADING_ELLIPSIS = /^(?:\.{3}|…)\.*[A-Za-z0-9]{0,4}$/;
/** AWS's own documentation keys (AKIAIOSFODNN7EXAMPLE, wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY). */
const AWS_EXAMPLE = /^(?:A[KS]IA[A-Z0-9]{9}EXAMPLE|[A-Za-z0-9/+]{30}EXAMPLEKEY)$/;
/** `scheme://user:password@host`: a URL's secret is its password. */
const URL_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:([^@/?#\s]*)@(\[[^\]\s]*\]|[^:/?#\s]*)/i;
/** This machine: a service a developer runs for themselves (docker compose on localhost). */
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Prefixes of known token formats, longest first: the value after one is judged alone (`ghp_` + `xxxx`). */
const TOKEN_PREFIXES = [
  'github_pat_',
  'ghp_',
  'gho_',
  'ghu_',
  'ghs_',
  'ghr_',
  'glpat-',
  'glc_',
  'glsa_',
  'xoxb-',
  'xoxp-',
  'xoxa-',
  'xoxr-',
  'xoxs-',
  'xoxe-',
  'xapp-',
  'sk_live_',
  'sk_test_',
  'rk_live_',
  'rk_test_',
  'pk_live_',
  'pk_test_',
  'whsec_',
  'sk-ant-api03-',
  'sk-ant-',
  'sk-proj-',
  'sk-',
  'npm_',
  'shppa_',
  'shpca_',
  'shpat_',
  'shpss_',
  'gsk_',
  'hf_',
  'lin_api_',
  'ntn_',
  'hvs.',
  'hvb.',
  'hvr.',
  'dckr_pat_',
  'figd_',
  'tskey-auth-',
  'tskey-',
  'dop_v1_',
  'SG.',
  'AKIA',
  'ASIA',
  'AIza',
  'AGE-SECRET-KEY-1',
].sort((a, b) => b.length - a.length);

export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (isPlaceholderShape(v) || AWS_EXAMPLE.test(v)) return true;
  const prefix = TOKEN_PREFIXES.find((p) => v.startsWith(p));
  if (prefix && isPlaceholderTokenBody(v.slice(prefix.length))) return true;
  const url = URL_CREDENTIALS.exec(v);
  if (!url) return false;
  return isPlaceholder(url[1]!) || isLocalDefault(url[1]!, url[2]!);
}

/**
 * A word as the password of a service on this machine (`postgres://app:appdev@localhost/app`, the README of a
 * docker-compose setup): a local-development default. A password with a digit or a symbol, or any password of a
 * remote host, is judged as usual.
 */
function isLocalDefault(password: string, host: string): boolean {
  return LOOPBACK.test(host) && /^[A-Za-z]{1,32}$/.test(password);
}

function isPlaceholderShape(v: string): boolean {
  return v === '' || PLACEHOLDER_WORDS.test(v) || TEMPLATE_SYNTAX.test(v) || YOUR_SOMETHING.test(v) || isEllipsis(v) || isRepeatedRun(v);
}

/** The fewest letters and digits a real token has after its prefix (AWS key ids: `AKIA` + 16). */
const SHORTEST_TOKEN_BODY = 12;

function isPlaceholderTokenBody(body: string): boolean {
  if (isPlaceholderShape(body)) return true;
  let alphanumerics = 0;
  for (const c of body) if (/[A-Za-z0-9]/.test(c)) alphanumerics++;
  return alphanumerics < SHORTEST_TOKEN_BODY || isCountingRun(body);
}

/** The order counting runs follow: `0123456789abcdef...`, so `56789abc` is one run. */
const COUNTING_ORDER = '0123456789abcdefghijklmnopqrstuvwxyz';

/** `1234-56789abcdefghijklmnop`: every part counts up one character at a time, and the parts hold at least 8. */
function isCountingRun(v: string): boolean {
  const parts = v
    .toLowerCase()
    .split(/[-_.:/ ]+/)
    .filter(Boolean);
  if (parts.length === 0 || parts.join('').length < 8) return false;
  return parts.every((p) => {
    if (p.length < 3) return false;
    for (let i = 1; i < p.length; i++) {
      const at = COUNTING_ORDER.indexOf(p[i - 1]!);
      if (at === -1 || COUNTING_ORDER[at + 1] !== p[i]) return false;
    }
    return true;
  });
}

/**
 * An ellipsis, after nothing or after a run of one character (`...`, `xxxx...`, `…`), or before at most 4
 * characters. Written without a backtracking pattern: a value can be a megabyte of dots.
 */
function isEllipsis(v: string): boolean {
  if (LEADING_ELLIPSIS.test(v)) return true;
  let end = v.length;
  if (v.endsWith('…')) end--;
  else while (end > 0 && v[end - 1] === '.') end--;
  if (end === v.length || (v.length - end < 2 && !v.endsWith('…'))) return false;
  const before = v.slice(0, end);
  return before === '' || /^(.)\1*$/su.test(before);
}

/** `xxxxxxxx`, `XXXX-XXXX-XXXX`, `0000000000-0000000000000-xxxxxxxxxxxx`: every part is one character repeated. */
function isRepeatedRun(v: string): boolean {
  const parts = v.split(/[-_.:/ ]+/).filter(Boolean);
  if (parts.length === 0 || !parts.every((p) => /^(.)\1*$/su.test(p))) return false;
  return parts.length === 1 ? parts[0]!.length >= 3 : parts.every((p) => p.length >= 3);
}

/** Names that usually hold credentials, by whole words of a snake, kebab or camel-case name. */
const SENSITIVE_WORDS = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'secret',
  'secrets',
  'token',
  'credential',
  'credentials',
  'apikey',
  'key',
  'privatekey',
  'passphrase',
  'auth',
  'dsn',
  'webhook',
]);
/** Words that make a name about a key rather than the key itself. */
const BENIGN_WORDS = new Set([
  'public',
  'pub',
  'id',
  'ids',
  'name',
  'names',
  'path',
  'file',
  'arn',
  'alias',
  'type',
  'length',
  'size',
  'region',
  'version',
  'url',
  'uri',
  'enabled',
  'pair',
  'usage',
  'spec',
  'algorithm',
  'rotation',
  'ttl',
  'expiry',
  'count',
  'prefix',
  'vault',
  'ring',
  'location',
]);

export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function isSensitiveName(name: string): boolean {
  const words = nameWords(name);
  const joined = words.join('');
  const sensitive = words.some((w) => SENSITIVE_WORDS.has(w)) || /apikey|accesskey|secretkey|privatekey|clientsecret/.test(joined);
  return sensitive && !words.some((w) => BENIGN_WORDS.has(w));
}
