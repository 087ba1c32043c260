/**
 * `.secrets-guard.yaml`: per-rule severity or `off` and options, ignore globs, the size cap. Every problem is a
 * ConfigError naming the file and the key path, so a typo never silently turns a check off.
 */
import { ConfigError } from '../errors.js';
import type { Rule, SeveritySetting } from '../types.js';
import { parserError, quote, quoteValue } from '../util/quote.js';
import { parseOptions } from '../util/options-schema.js';

export const GUARD_CONFIG_FILE = '.secrets-guard.yaml';
const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

interface RuleSetting {
  readonly severity: SeveritySetting;
  readonly options: unknown;
}

export interface GuardConfig {
  /** Only rules the file mentions; the others run at their defaults. */
  readonly rules: ReadonlyMap<string, RuleSetting>;
  readonly ignore: readonly string[];
  readonly maxFileSize: number;
}

export const EMPTY_GUARD_CONFIG: GuardConfig = { rules: new Map(), ignore: [], maxFileSize: DEFAULT_MAX_FILE_SIZE };

const TOP_LEVEL_KEYS = ['rules', 'ignore', 'maxFileSize'];
const SEVERITIES: readonly string[] = ['error', 'warning', 'off'];

export async function parseGuardConfig(text: string, file: string, known: ReadonlyMap<string, Rule<unknown>>): Promise<GuardConfig> {
  // Loaded on demand: most commits in a repository without a config file never pay for the YAML parser.
  const { parse: parseYaml } = await import('yaml');
  let data: unknown;
  try {
    // logLevel 'error': the yaml package prints warnings to stderr with the offending source line, secrets and all.
    data = parseYaml(text, { uniqueKeys: true, logLevel: 'error' });
  } catch (error) {
    throw new ConfigError(`${file}: invalid YAML: ${parserError(error)}`);
  }
  if (data === null || data === undefined) return EMPTY_GUARD_CONFIG;
  const top = expectObject(data, file, '(top level)');
  for (const key of Object.keys(top)) {
    if (!TOP_LEVEL_KEYS.includes(key)) fail(file, key, `unknown key (expected one of ${TOP_LEVEL_KEYS.join(', ')})`);
  }
  return {
    rules: parseRules(top.rules, file, known),
    ignore: parseIgnore(top.ignore, file),
    maxFileSize: top.maxFileSize === undefined ? DEFAULT_MAX_FILE_SIZE : parseSize(top.maxFileSize, file, 'maxFileSize'),
  };
}

function parseRules(raw: unknown, file: string, known: ReadonlyMap<string, Rule<unknown>>): Map<string, RuleSetting> {
  const rules = new Map<string, RuleSetting>();
  if (raw === undefined || raw === null) return rules;
  for (const [id, value] of Object.entries(expectObject(raw, file, 'rules'))) {
    const rule = known.get(id);
    const keyPath = `rules.${id}`;
    if (!rule) fail(file, keyPath, `unknown rule "${quote(id)}" (see \`secrets-guard --list-rules\`)`);
    if (typeof value === 'string') {
      rules.set(id, { severity: parseSeverity(value, file, keyPath), options: rule.defaultOptions });
      continue;
    }
    const entry = expectObject(value, file, keyPath);
    for (const key of Object.keys(entry)) {
      if (key !== 'severity' && key !== 'options') fail(file, `${keyPath}.${key}`, 'unknown key (expected severity or options)');
    }
    const severity = entry.severity === undefined ? rule.meta.defaultSeverity : parseSeverity(entry.severity, file, `${keyPath}.severity`);
    rules.set(id, { severity, options: parseRuleOptions(rule, entry.options, file, `${keyPath}.options`) });
  }
  return rules;
}

function parseRuleOptions(rule: Rule<unknown>, raw: unknown, file: string, keyPath: string): unknown {
  if (raw === undefined) return rule.defaultOptions;
  if (!rule.meta.options) fail(file, keyPath, `rule ${rule.meta.id} takes no options`);
  try {
    return parseOptions(rule.meta.options, raw, keyPath, rule.defaultOptions);
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`${file}: ${error.message}`);
    throw error;
  }
}

function parseSeverity(value: unknown, file: string, keyPath: string): SeveritySetting {
  if (typeof value !== 'string' || !SEVERITIES.includes(value)) fail(file, keyPath, `expected error, warning or off, got ${quoteValue(value)}`);
  return value as SeveritySetting;
}

function parseIgnore(raw: unknown, file: string): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.some((g) => typeof g !== 'string' || g === '')) fail(file, 'ignore', 'expected a list of glob strings');
  return raw as string[];
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

/**
 * Accepts a whole number of bytes or a string such as `5MiB` / `500 kB` / `0.5MB`, and nothing that comes to less
 * than one byte: a cap of 0 would skip every file with only a note, which is how a typo silently ends scanning.
 */
export function parseSize(raw: unknown, file: string, keyPath: string): number {
  const bytes = sizeInBytes(raw);
  if (bytes === undefined) fail(file, keyPath, `expected a positive size such as 5MiB, 512KiB or 1000000 (bytes), got ${quoteValue(raw)}`);
  return bytes;
}

function sizeInBytes(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw > 0 ? raw : undefined;
  const match = typeof raw === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(raw) : null;
  const unit = SIZE_UNITS[(match?.[2] ?? '').toLowerCase()];
  if (!match || unit === undefined) return undefined;
  const bytes = Math.floor(Number(match[1]) * unit);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

function expectObject(value: unknown, file: string, keyPath: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(file, keyPath, 'expected a mapping');
  return value as Record<string, unknown>;
}

/** Key paths hold the file's own keys, and a key may be a secret pasted in the wrong place: they are quoted. */
function fail(file: string, keyPath: string, message: string): never {
  throw new ConfigError(`${file}: ${quote(keyPath)}: ${message}`);
}
