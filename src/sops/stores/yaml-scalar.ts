/**
 * yaml.v3's typing of scalars (go.yaml.in/yaml/v3 resolve.go), which decides what sops sees for a YAML value:
 * plain `123` is an int, `1.5` a float, `true` a bool, `~` null, `2025-01-02` a time (docs/sops-format.md §2.3). The MAC
 * hashes the Go rendering of that value (§5 step 3), so `macText` is rendered here as Go would.
 */
import type { LeafType } from '../model.js';
import { formatFloatF, formatTimeRfc3339Nano, validCalendar, type GoTime } from '../go-format.js';

export interface TypedScalar {
  readonly type: LeafType;
  /** Go `ToBytes` of the value; absent for null. */
  readonly macText?: string;
}

const BOOL_TRUE = new Set(['true', 'True', 'TRUE']);
const BOOL_FALSE = new Set(['false', 'False', 'FALSE']);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOATS = new Map([
  ['.nan', 'NaN'],
  ['.NaN', 'NaN'],
  ['.NAN', 'NaN'],
  ['.inf', '+Inf'],
  ['.Inf', '+Inf'],
  ['.INF', '+Inf'],
  ['+.inf', '+Inf'],
  ['+.Inf', '+Inf'],
  ['+.INF', '+Inf'],
  ['-.inf', '-Inf'],
  ['-.Inf', '-Inf'],
  ['-.INF', '-Inf'],
]);
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** A plain (unquoted, untagged) scalar as yaml.v3 `resolve` types it. `text` is the scalar's folded value. */
export function typePlainScalar(text: string): TypedScalar {
  if (BOOL_TRUE.has(text)) return { type: 'bool', macText: 'True' };
  if (BOOL_FALSE.has(text)) return { type: 'bool', macText: 'False' };
  if (NULLS.has(text)) return { type: 'null' };
  const special = SPECIAL_FLOATS.get(text);
  if (special) return { type: 'float', macText: special };
  const first = text[0]!;
  if (first === '.') return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text) ? floatOf(text) : { type: 'str', macText: text };
  if (!/[-+0-9]/.test(first)) return { type: 'str', macText: text };
  const time = parseYamlTimestamp(text);
  if (time) return { type: 'time', macText: formatTimeRfc3339Nano(time) };
  const plain = text.replaceAll('_', '');
  const int = parseGoInt(plain, true) ?? parseGoInt(plain, false);
  if (int !== undefined) return { type: 'int', macText: int.toString() };
  if (YAML_STYLE_FLOAT.test(plain)) return floatOf(plain);
  return { type: 'str', macText: text };
}

function floatOf(text: string): TypedScalar {
  const v = Number(text);
  // Go's ParseFloat reports a range error for overflow; yaml.v3 then keeps the scalar as a string.
  return Number.isFinite(v) ? { type: 'float', macText: formatFloatF(v) } : { type: 'str', macText: text };
}

/** Go `strconv.ParseInt(s, 0, 64)` (signed) or `ParseUint(s, 0, 64)`: 0x/0o/0b prefixes, a bare leading 0 is octal. */
function parseGoInt(s: string, signed: boolean): bigint | undefined {
  let rest = s;
  let negative = false;
  if (signed && (rest[0] === '+' || rest[0] === '-')) {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '') return undefined;
  let digits = /^[0-9]+$/;
  let prefix = '';
  if (rest[0] === '0' && rest.length >= 3 && /[bBoOxX]/.test(rest[1]!)) {
    const kind = rest[1]!.toLowerCase();
    digits = kind === 'b' ? /^[01]+$/ : kind === 'o' ? /^[0-7]+$/ : /^[0-9a-fA-F]+$/;
    prefix = `0${kind}`;
    rest = rest.slice(2);
  } else if (rest[0] === '0') {
    digits = /^[0-7]*$/;
    prefix = '0o';
    rest = rest.slice(1);
    if (rest === '') return 0n;
  }
  if (!digits.test(rest)) return undefined;
  const magnitude = BigInt(prefix + rest);
  const value = negative ? -magnitude : magnitude;
  if (signed) return value >= INT64_MIN && value <= INT64_MAX ? value : undefined;
  return value <= UINT64_MAX ? value : undefined;
}

const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,](\d+))?(Z|[+-]\d{2}:\d{2})?)?$/;

/** yaml.v3 `parseTimestamp`: the four Go layouts it tries (RFC 3339 with short fields, space-separated, date only). */
function parseYamlTimestamp(s: string): GoTime | undefined {
  const m = TIMESTAMP.exec(s);
  if (!m) return undefined;
  const separator = m[4];
  const zone = m[9];
  // `T`/`t` layouts require a zone; the space-separated layout has none.
  if ((separator === 'T' || separator === 't') && zone === undefined) return undefined;
  if (separator === ' ' && zone !== undefined) return undefined;
  const offsetMinutes = !zone || zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const t: GoTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[5] ?? 0),
    minute: Number(m[6] ?? 0),
    second: Number(m[7] ?? 0),
    fraction: m[8] ?? '',
    offsetMinutes,
  };
  return validCalendar(t) ? t : undefined;
}

/**
 * A scalar with an explicit tag (`!!int 5`). yaml.v3 resolves it and fails when the value does not fit the tag;
 * custom tags (`!vault ...`) decode as plain strings. `undefined` means yaml.v3 would reject the document.
 */
export function typeTaggedScalar(text: string, tag: string): TypedScalar | undefined {
  const short = tag.replace(/^tag:yaml\.org,2002:/, '!!');
  switch (short) {
    case '!!str':
    case '!!binary':
      return { type: 'str', macText: text };
    case '!!null':
      return NULLS.has(text) ? { type: 'null' } : undefined;
    case '!!bool':
    case '!!int':
    case '!!timestamp': {
      const typed = typePlainScalar(text);
      return typed.type === short.slice(2).replace('timestamp', 'time') ? typed : undefined;
    }
    case '!!float': {
      const typed = typePlainScalar(text);
      if (typed.type === 'float') return typed;
      return typed.type === 'int' ? { type: 'float', macText: formatFloatF(Number(typed.macText)) } : undefined;
    }
    default:
      return { type: 'str', macText: text };
  }
}
