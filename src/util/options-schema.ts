/**
 * Rule options as a schema (RuleMeta.options), validated by one function for every rule: a rule says what its
 * options are, and `.secrets-guard.yaml` values are checked, merged over the rule's defaults, and refused with a
 * ConfigError naming the key path (`rules.token-formats.options.disable`) and what was expected.
 */
import { ConfigError } from '../errors.js';
import { quote, quoteValue } from './quote.js';

type OptionSchema =
  | { readonly type: 'boolean' }
  | { readonly type: 'integer'; readonly min: number }
  /** A number in (above, atMost]; `what` names it in messages ("a number of bits per character"). */
  | { readonly type: 'number'; readonly above: number; readonly atMost: number; readonly what: string }
  /** A list of names, each one of `oneOf`; `what` names one ("token format"). */
  | { readonly type: 'list'; readonly oneOf: readonly string[]; readonly what: string }
  /** A mapping of known keys, merged over the default's; `keyName` names its keys in messages ("charset"). */
  | { readonly type: 'mapping'; readonly fields: OptionsSchema; readonly keyName?: string };

/** A rule's options: a mapping from option name to its schema. */
export type OptionsSchema = Readonly<Record<string, OptionSchema>>;

/** Validates `raw` (a rule's `options` in the config) and returns it merged over `defaults`. */
export function parseOptions<Options>(schema: OptionsSchema, raw: unknown, keyPath: string, defaults: Options): Options {
  if (raw === undefined || raw === null) return defaults;
  return parseMapping(schema, raw, keyPath, defaults, 'option') as Options;
}

function parseMapping(fields: OptionsSchema, raw: unknown, keyPath: string, defaults: unknown, keyName: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${keyPath}: expected a mapping of ${keyName}s`);
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  const known = Object.keys(fields);
  for (const [key, value] of Object.entries(raw)) {
    const path = `${keyPath}.${key}`;
    const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (!field) throw new ConfigError(`${quote(path)}: unknown ${keyName} (known: ${known.join(', ')})`);
    out[key] = parseValue(field, value, path, out[key]);
  }
  return out;
}

function parseValue(schema: OptionSchema, value: unknown, keyPath: string, fallback: unknown): unknown {
  switch (schema.type) {
    case 'boolean':
      if (typeof value !== 'boolean') throw new ConfigError(`${quote(keyPath)}: expected true or false`);
      return value;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < schema.min)
        throw new ConfigError(`${keyPath}: expected an integer of at least ${schema.min}, got ${quoteValue(value)}`);
      return value;
    case 'number':
      if (typeof value !== 'number' || !(value > schema.above && value <= schema.atMost))
        throw new ConfigError(`${keyPath}: expected ${schema.what} in (${schema.above}, ${schema.atMost}], got ${quoteValue(value)}`);
      return value;
    case 'list':
      if (!Array.isArray(value)) throw new ConfigError(`${keyPath}: expected a list of ${schema.what}s`);
      for (const item of value) {
        if (typeof item !== 'string' || !schema.oneOf.includes(item))
          throw new ConfigError(`${keyPath}: ${quoteValue(item)} is not a ${schema.what} (known: ${schema.oneOf.join(', ')})`);
      }
      return value;
    case 'mapping':
      return parseMapping(schema.fields, value, keyPath, fallback, schema.keyName ?? 'option');
  }
}
