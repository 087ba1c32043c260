/** Rule options that are on/off switches (`requireVerification: true`), validated the same way for every rule. */
import { ConfigError } from '../errors.js';
import { quote } from '../util/quote.js';

/** A mapping of known switch names to booleans; every switch is off unless set. Throws a ConfigError naming the key. */
export function parseSwitches<Name extends string>(raw: unknown, keyPath: string, names: readonly Name[]): Record<Name, boolean> {
  const switches = Object.fromEntries(names.map((name) => [name, false])) as Record<Name, boolean>;
  if (raw === undefined || raw === null) return switches;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${keyPath}: expected a mapping of options`);
  for (const [key, value] of Object.entries(raw)) {
    if (!(names as readonly string[]).includes(key)) throw new ConfigError(`${quote(`${keyPath}.${key}`)}: unknown option (known: ${names.join(', ')})`);
    if (typeof value !== 'boolean') throw new ConfigError(`${quote(`${keyPath}.${key}`)}: expected true or false`);
    switches[key as Name] = value;
  }
  return switches;
}
