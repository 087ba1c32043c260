/**
 * Walks a `.sops.yaml` against the shape sops decodes it into (schema.ts): keys sops silently ignores (§1.1), and
 * values of the wrong kind, which make go-yaml (and so every sops command) fail or make sops refuse a rule.
 *
 * Top-level keys: sops reads only `creation_rules`, `destination_rules` and `stores`. An unknown top-level key whose
 * value defines YAML anchors (`keys: [&admin age1...]`, idiomatic in sops-nix setups) is an anchor holder and is
 * accepted; one that looks like a misspelt known key is an error; any other one is a warning (ignored, unused).
 */
import { quote } from '../../util/quote.js';
import { diagnostic, fatalDiagnostic, type ConfigDiagnostic } from './diagnostic.js';
import type { ContainerInfo, Location, LocatedYaml } from './located.js';
import { isRecord } from './recipients.js';
import { CONFIG_FILE, suggestKey, type Shape } from './schema.js';
import { goYamlBool } from './settings.js';

type MapShape = Shape & { kind: 'map' };

const kindOf = (v: unknown): string => (Array.isArray(v) ? 'a list' : isRecord(v) ? 'a mapping' : typeof v === 'string' ? 'a string' : `a ${typeof v}`);

const KEY_FIELDS = new Set(['age', 'pgp', 'kms', 'gcp_kms', 'azure_keyvault', 'hc_vault_transit_uri', 'hc_vault', 'hckms']);

class ShapeChecker {
  readonly out: ConfigDiagnostic[] = [];
  private readonly info: WeakMap<object, ContainerInfo>;
  constructor(info: WeakMap<object, ContainerInfo>) {
    this.info = info;
  }

  private cannotLoad(label: string, expected: string, value: unknown, at: Location): void {
    const name = label === '' ? 'the document' : `\`${quote(label)}\``;
    this.out.push(fatalDiagnostic(`${name} must be ${expected}, not ${kindOf(value)}: sops cannot load this config, so every sops command fails`, at));
  }

  /** Containers already checked against a shape: a value reached through many aliases is checked once. */
  private readonly visited = new WeakMap<object, Set<Shape>>();

  walk(value: unknown, shape: Shape, label: string, at: Location): void {
    if (value === null || value === undefined || shape.kind === 'any') return;
    if (typeof value === 'object') {
      const shapes = this.visited.get(value) ?? new Set<Shape>();
      if (shapes.has(shape)) return;
      this.visited.set(value, shapes.add(shape));
    }
    switch (shape.kind) {
      case 'scalar':
        if (typeof value === 'object') this.cannotLoad(label, 'a single value', value, at);
        return;
      case 'int':
        if (typeof value !== 'number' || !Number.isInteger(value)) this.cannotLoad(label, 'an integer', value, at);
        return;
      case 'bool':
        if (goYamlBool(value) === undefined) this.cannotLoad(label, 'true or false', value, at);
        return;
      case 'keyField':
        return this.keyField(value, label, at);
      case 'list':
        if (!Array.isArray(value)) return this.cannotLoad(label, 'a list', value, at);
        value.forEach((item, i) => this.walk(item, shape.of, `${label}[${i}]`, this.info.get(value)?.items[i] ?? at));
        return;
      case 'map':
        if (!isRecord(value)) return this.cannotLoad(label, 'a mapping', value, at);
        return this.map(value, shape, label);
    }
  }

  /** config/config.go `parseKeyField`: a string, or a list whose items are all strings. */
  private keyField(value: unknown, label: string, at: Location): void {
    const field = label.slice(label.lastIndexOf('.') + 1);
    if (typeof value === 'string') return;
    if (!Array.isArray(value)) {
      this.out.push(
        diagnostic(
          `\`${quote(label)}\` must be a string or a list of strings, not ${kindOf(value)}: sops refuses the rule ("invalid ${field} key configuration")`,
          at,
        ),
      );
      return;
    }
    value.forEach((item, i) => {
      if (typeof item === 'string') return;
      const where = this.info.get(value)?.items[i] ?? at;
      const got = item === null ? 'an empty item' : kindOf(item);
      this.out.push(
        diagnostic(
          `\`${quote(`${label}[${i}]`)}\` is ${got}, not a string: sops refuses the rule ("invalid ${field} key configuration: expected string in list")`,
          where,
        ),
      );
    });
  }

  private map(value: Record<string, unknown>, shape: MapShape, label: string): void {
    const info = this.info.get(value);
    for (const [key, child] of Object.entries(value)) {
      const where = info?.entries.get(key);
      const childLabel = label === '' ? key : `${label}.${key}`;
      const fieldShape = Object.hasOwn(shape.fields, key) ? shape.fields[key] : undefined;
      if (fieldShape) this.walk(child, fieldShape, childLabel, where?.value ?? info?.at ?? { line: 1, column: 1 });
      else this.unknownKey(value, shape, key, where?.key ?? info?.at ?? { line: 1, column: 1 }, where?.definesAnchor ?? false);
    }
  }

  private unknownKey(map: Record<string, unknown>, shape: MapShape, key: string, at: Location, definesAnchor: boolean): void {
    const suggestion = suggestKey(shape, key);
    const isTopLevel = shape === CONFIG_FILE;
    if (isTopLevel && definesAnchor && !suggestion) return;
    let message = `\`${quote(key)}\` is not a ${shape.name} key: sops silently ignores it`;
    if (suggestion) message += ` (did you mean \`${suggestion}\`?)`;
    if (suggestion === 'path_regex' && !Object.hasOwn(map, 'path_regex')) message += '; without `path_regex` this rule matches every file';
    else if (suggestion && KEY_FIELDS.has(suggestion)) message += '; the keys listed under it are not used';
    else if (suggestion === 'creation_rules') message += '; without `creation_rules` sops behaves as if there were no config';
    const severity = isTopLevel ? (suggestion ? 'error' : 'warning') : shape.unknownSeverity;
    this.out.push(diagnostic(message, at, severity));
  }
}

export function checkShape(located: LocatedYaml): ConfigDiagnostic[] {
  const checker = new ShapeChecker(located.info);
  checker.walk(located.root, CONFIG_FILE, '', located.rootAt);
  return checker.out;
}
