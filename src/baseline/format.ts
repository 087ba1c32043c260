/**
 * `.secrets-guard-baseline.json`: findings a team has accepted, so an existing repository can adopt the guard
 * and still block every new secret. Entries name a rule, a path and a fingerprint, never a line (an edit above a
 * finding must not revive it) and never the secret: the fingerprint is an HMAC keyed by the file's own salt
 * (run-rule.ts `fingerprintSecret`). Parsing is strict: a malformed baseline is a ConfigError, never "no
 * baseline", so a broken file cannot silently turn suppression into a no-op or a wildcard.
 */
import { ConfigError } from '../errors.js';
import { nodeCrypto } from '../util/builtin.js';
import { parserError, quote, quoteValue } from '../util/quote.js';

export const BASELINE_FILE = '.secrets-guard-baseline.json';
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  readonly ruleId: string;
  /** Repository-relative, `/`-separated, as in findings. */
  readonly path: string;
  /** `fingerprintSecret(salt, ruleId, secret)`, or `msg:<sha256>` for a finding without a secret (see keys.ts). */
  readonly fingerprint: string;
}

export interface Baseline {
  readonly version: typeof BASELINE_VERSION;
  /** Random hex; the run that applies the baseline must fingerprint with it. */
  readonly salt: string;
  readonly entries: readonly BaselineEntry[];
}

export function newBaselineSalt(): string {
  return nodeCrypto().randomBytes(16).toString('hex');
}

const HEX = /^[0-9a-f]+$/;
const FINGERPRINT = /^(?:msg:)?[0-9a-f]{64}$/;

export function parseBaseline(text: string, file = BASELINE_FILE): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: invalid JSON: ${parserError(error)}`);
  }
  const top = expectObject(data, file, '(top level)');
  for (const key of Object.keys(top)) {
    if (!['version', 'salt', 'entries'].includes(key)) fail(file, key, 'unknown key (expected version, salt, entries)');
  }
  if (top.version !== BASELINE_VERSION) fail(file, 'version', `unsupported version ${quoteValue(top.version)} (expected ${BASELINE_VERSION})`);
  if (typeof top.salt !== 'string' || top.salt.length < 16 || !HEX.test(top.salt)) fail(file, 'salt', 'expected a hex string of at least 16 digits');
  if (!Array.isArray(top.entries)) fail(file, 'entries', 'expected a list');
  const entries = top.entries.map((raw, i) => parseEntry(raw, file, `entries[${i}]`));
  return { version: BASELINE_VERSION, salt: top.salt, entries };
}

function parseEntry(raw: unknown, file: string, keyPath: string): BaselineEntry {
  const entry = expectObject(raw, file, keyPath);
  for (const key of Object.keys(entry)) {
    if (!['ruleId', 'path', 'fingerprint'].includes(key)) fail(file, `${keyPath}.${key}`, 'unknown key (expected ruleId, path, fingerprint)');
  }
  const { ruleId, path, fingerprint } = entry;
  if (typeof ruleId !== 'string' || ruleId === '') fail(file, `${keyPath}.ruleId`, 'expected a rule id');
  if (typeof path !== 'string' || path === '') fail(file, `${keyPath}.path`, 'expected a repository-relative path');
  if (typeof fingerprint !== 'string' || !FINGERPRINT.test(fingerprint))
    fail(file, `${keyPath}.fingerprint`, 'expected 64 hex digits (or msg: and 64 hex digits)');
  return { ruleId, path, fingerprint };
}

/** Stable output: entries sorted by path, rule, fingerprint and deduplicated; two-space JSON; final newline. */
export function serializeBaseline(baseline: Baseline): string {
  const entries = sortEntries(baseline.entries).map(({ ruleId, path, fingerprint }) => ({ ruleId, path, fingerprint }));
  return `${JSON.stringify({ version: BASELINE_VERSION, salt: baseline.salt, entries }, null, 2)}\n`;
}

export function sortEntries(entries: readonly BaselineEntry[]): BaselineEntry[] {
  const unique = new Map(entries.map((e) => [entryKey(e), e]));
  return [...unique.values()].sort((a, b) => compare(a.path, b.path) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint));
}

export function entryKey(e: BaselineEntry): string {
  return `${e.ruleId}\0${e.path}\0${e.fingerprint}`;
}

/** Code-unit order, not locale order: the file must not change with the machine that wrote it. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function expectObject(value: unknown, file: string, keyPath: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(file, keyPath, 'expected an object');
  return value as Record<string, unknown>;
}

/** Key paths hold the file's own keys, and a key may be a secret pasted in the wrong place: they are quoted. */
function fail(file: string, keyPath: string, message: string): never {
  throw new ConfigError(`${file}: ${quote(keyPath)}: ${message}`);
}
