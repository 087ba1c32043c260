/**
 * Go renderings sops uses when it turns a value into bytes (sops.go `ToBytes`, docs/sops-format.md §3 and §5 step 3):
 * floats as `strconv.FormatFloat(v, 'f', -1, 64)` and times as `time.MarshalText` (RFC 3339 with nanoseconds).
 */

/** `strconv.FormatFloat(v, 'f', -1, 64)`: the shortest digits that round-trip, never an exponent. */
export function formatFloatF(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const sign = v < 0 || Object.is(v, -0) ? '-' : '';
  // toExponential() without an argument gives the shortest round-trip digits, like Go's shortest formatting.
  const [mantissa, exponentText] = Math.abs(v).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const pointAt = Number(exponentText) + 1;
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return sign + digits + '0'.repeat(pointAt - digits.length);
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

/** A parsed calendar time, kept as fields so that no time zone or precision is lost on the way. */
export interface GoTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Fractional second digits as written (up to 9), without the dot. */
  readonly fraction: string;
  /** Offset from UTC in minutes. */
  readonly offsetMinutes: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `time.Time.MarshalText`: RFC 3339 with trailing zeros of the fraction dropped, `Z` for a zero offset. */
export function formatTimeRfc3339Nano(t: GoTime): string {
  const fraction = t.fraction.slice(0, 9).replace(/0+$/, '');
  const offset =
    t.offsetMinutes === 0 ? 'Z' : `${t.offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(t.offsetMinutes) / 60))}:${pad(Math.abs(t.offsetMinutes) % 60)}`;
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${fraction ? '.' + fraction : ''}${offset}`;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function validCalendar(t: GoTime): boolean {
  return t.month >= 1 && t.month <= 12 && t.day >= 1 && t.day <= daysIn(t.month, t.year) && t.hour < 24 && t.minute < 60 && t.second < 60;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

/** Go `time.Parse(time.RFC3339, s)`, which is what sops applies to `lastmodified` and `created_at`. */
export function parseRfc3339(s: string): GoTime | undefined {
  const m = RFC3339.exec(s);
  if (!m) return undefined;
  const zone = m[8]!;
  const offsetMinutes = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4, 6)) > 59)) return undefined;
  const t: GoTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6]),
    fraction: m[7] ?? '',
    offsetMinutes,
  };
  return validCalendar(t) ? t : undefined;
}
