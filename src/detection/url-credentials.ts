/**
 * Credentials carried by a URL or a connection string, for the url-credentials rule: each finder yields the password
 * or token it found with its offset. Documentation hosts (RFC 2606: example.com, .test, .invalid, ...) and a
 * password equal to its user name (`guest:guest`) are examples, not leaks.
 */
import { asciiClass, DIGITS, LETTERS } from '../util/ascii-class.js';

export interface FoundCredential {
  readonly what: string;
  readonly secret: string;
  readonly index: number;
}

/**
 * `scheme://user:password@host`, any scheme (amqp, redis, nats, ldap, smtp, mongodb+srv, https, ...), tried only where
 * a scheme starts before a `://` (urlsWithUserinfo).
 */
const URL_USERINFO = /([a-z][a-z0-9+.-]{1,30}):\/\/([^\s:/?#@"'`<>]{0,100}):([^\s@/?#"'`<>]{1,200})@([\w.-]+)/iy;
const LONGEST_SCHEME = 31;
/** JDBC (`;password=`), ODBC and ADO.NET (`Pwd=`, `Password=`) fields, in a string naming a server or user too. */
const CONNECTION_FIELD = /(?:^|[;"'\s])(password|pwd)\s*=\s*([^;"'\s]{1,200})(?=[;"'\s]|$)/gim;
const CONNECTION_STRING = /jdbc:|(?:^|[;"'\s])(?:server|data source|host|uid|user id|user|database|initial catalog|driver|dsn)\s*=/i;
/** `curl -u user:<password>` / `--user user:<password>`. secrets-guard-allow: an example */
// An unquoted backtick starts a command substitution in a shell, so it ends the password (and Markdown's code spans).
const CURL_USER = /\bcurl\b[^\n]{0,400}?[ \t](?:-u|--user)(?:[ \t]+|=)["']?([^\s:"'`$]{1,100}):([^\s"'`]{1,200})/g;
/** `Authorization: Basic <base64 of user:password>`. */
const BASIC_AUTH = /\bBasic\s+([A-Za-z0-9+/]{8,400}={0,2})(?![A-Za-z0-9+/=])/g;
/** `Bearer <token>` with the token written out. */
const BEARER = /\bBearer\s+([A-Za-z0-9._~+/-]{20,2000}=*)(?![A-Za-z0-9._~+/=-])/g;

/** The text around `at` on its line, at most 300 characters each way: a megabyte line costs no more than a short one. */
function lineWindow(text: string, at: number): string {
  const window = text.slice(Math.max(0, at - 300), at + 300);
  const offset = at - Math.max(0, at - 300);
  const start = window.lastIndexOf('\n', offset) + 1;
  const end = window.indexOf('\n', offset + 1);
  return window.slice(start, end === -1 ? undefined : end);
}

const DOCUMENTATION_HOST = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost\.localdomain)$/i;

/** `finders`: which finders to run (`url`, `connection-string`, `curl`, `basic`, `bearer`), as the prefilter found their keywords. */
export function* credentialsIn(text: string, finders: (name: string) => boolean, isExample: (password: string) => boolean): Generator<FoundCredential> {
  if (finders('url')) yield* inUrls(text, isExample);
  if (finders('connection-string')) yield* inConnectionStrings(text, isExample);
  if (finders('curl')) yield* inCurlCommands(text, isExample);
  if (finders('basic')) yield* inBasicHeaders(text, isExample);
  if (finders('bearer')) yield* inBearerHeaders(text, isExample);
}

/**
 * What `/\b([a-z][a-z0-9+.-]{1,30}):\/\/.../gi` matches, found from each `://` instead of tried at every word of the
 * text (the regex was the largest single cost of the URL finder on real code, which is full of `://`). A scheme
 * holds no `:`, and neither a user nor a password holds `/`, so each match belongs to one `://`, and its scheme
 * starts at the leftmost letter after a non-word character (or at the previous match's end) whose run of scheme
 * characters reaches the `://`; the rest of the match does not depend on where the scheme starts.
 */
export function* urlsWithUserinfo(text: string): Generator<RegExpExecArray> {
  let matchedUpTo = 0;
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
    const start = schemeStart(text, at, Math.max(matchedUpTo, at - LONGEST_SCHEME));
    if (start === -1) continue;
    URL_USERINFO.lastIndex = start;
    const m = URL_USERINFO.exec(text);
    if (!m) continue;
    matchedUpTo = m.index + m[0].length;
    yield m;
    if (matchedUpTo > at + 3) at = matchedUpTo - 3;
  }
}

/** A regex's `\w`, a scheme's first character, and the characters after it. */
const isWordCode = asciiClass(`${LETTERS}${DIGITS}_`);
const isLetterCode = asciiClass(LETTERS);
const isSchemeCode = asciiClass(`${LETTERS}${DIGITS}+.-`);

/** Where the scheme before the `://` at `colon` starts (no earlier than `from`, two characters at least), or -1. */
function schemeStart(text: string, colon: number, from: number): number {
  let runStart = colon;
  while (runStart > from && isSchemeCode(text.charCodeAt(runStart - 1))) runStart--;
  for (let s = runStart; s <= colon - 2; s++) {
    if (isLetterCode(text.charCodeAt(s)) && (s === 0 || !isWordCode(text.charCodeAt(s - 1)))) return s;
  }
  return -1;
}

function* inUrls(text: string, isExample: (password: string) => boolean): Generator<FoundCredential> {
  for (const m of urlsWithUserinfo(text)) {
    const [, scheme, user, password, host] = m as unknown as [string, string, string, string, string];
    if (DOCUMENTATION_HOST.test(host) || password === user || isExample(password)) continue;
    yield { what: `Password in a ${scheme.toLowerCase()}:// URL`, secret: password, index: m.index + scheme.length + 3 + user.length + 1 };
  }
}

function* inConnectionStrings(text: string, isExample: (password: string) => boolean): Generator<FoundCredential> {
  for (const m of text.matchAll(CONNECTION_FIELD)) {
    // `connect(user=u, password=login_password)`: in code, a comma or parenthesis ends the argument.
    const value = m[2]!.replace(/[,)]+$/, '');
    if (!CONNECTION_STRING.test(lineWindow(text, m.index)) || isExample(value)) continue;
    yield { what: 'Password in a connection string', secret: value, index: m.index + m[0].length - m[2]!.length };
  }
}

function* inCurlCommands(text: string, isExample: (password: string) => boolean): Generator<FoundCredential> {
  for (const m of text.matchAll(CURL_USER)) {
    const [, user, password] = m as unknown as [string, string, string];
    if (password === user || isExample(password)) continue;
    yield { what: 'Password given to curl -u', secret: password, index: m.index + m[0].length - password.length };
  }
}

function* inBasicHeaders(text: string, isExample: (password: string) => boolean): Generator<FoundCredential> {
  for (const m of text.matchAll(BASIC_AUTH)) {
    const decoded = Buffer.from(m[1]!, 'base64').toString('latin1');
    const colon = decoded.indexOf(':');
    if (colon < 1 || !/^[\x20-\x7e]+$/.test(decoded) || isExample(decoded.slice(colon + 1)) || decoded.slice(0, colon) === decoded.slice(colon + 1)) continue;
    yield { what: 'Basic authorization header', secret: m[1]!, index: m.index + m[0].length - m[1]!.length };
  }
}

function* inBearerHeaders(text: string, isExample: (password: string) => boolean): Generator<FoundCredential> {
  for (const m of text.matchAll(BEARER)) {
    if (isExample(m[1]!)) continue;
    yield { what: 'Bearer token', secret: m[1]!, index: m.index + m[0].length - m[1]!.length };
  }
}
