/**
 * Where a text gives a literal to a name: `name = "v"`, `name: v`, `"name": "v"`, `name := "v"`, `name => 'v'`,
 * `NAME=v` (.env, shell, INI, properties), `ENV NAME v` (Dockerfile), `--name=v` / `--name v` (command lines),
 * `<name>v</name>` (XML). Found from the occurrences of a keyword in the name, so a text is searched once for the
 * keywords and then only around them. A value is a quoted literal; an unquoted one only where a config format or a
 * command line allows it (never in source code, where it is an expression).
 */
import { asciiClass, DIGITS, LETTERS } from '../util/ascii-class.js';

export interface Assignment {
  /** The name as written, without quotes or leading dashes (`spring.datasource.password`). */
  readonly name: string;
  readonly value: string;
  /** Offset of the value in the text. */
  readonly index: number;
  readonly quoted: boolean;
}

/** Characters of a name (`[\w.-]`), by code: tested at every character around every keyword hit. */
const isNameChar = asciiClass(`${LETTERS}${DIGITS}_.-`);
/** Operator after a name: `:=`, `=>`, `=` (not `==`), `:` (not `::`), with the name's closing quote or bracket. */
const OPERATOR = /["'`]?\]?[ \t]*(?::=|=>|=(?![=~])|:(?![:/]))[ \t]*/y;
/** A flag's value after a space, or a Dockerfile `ENV NAME value`. */
const SPACE_SEPARATOR = /[ \t]+/y;
const QUOTED = /"((?:[^"\\\n]|\\.){1,400})"|'([^'\n]{1,400})'|`([^`\n]{1,400})`/y;
const UNQUOTED = /[^\s"'`,;]{1,400}/y;
const XML_VALUE = />([^<\n]{1,400})<\//y;
/**
 * A shell parameter expansion's default (`${NAME:-default}`, `${NAME=default}`), the value given to NAME when it is
 * unset; `${NAME:?message}` and `${NAME:+alternative}` give none.
 */
const EXPANSION_DEFAULT = /:?([-=?+])([^}\n]{0,400})\}/y;
/** After a YAML `key: value`, more words on the line make the value a phrase (`password: <paste it here>`). */
const PHRASE_GOES_ON = /[ \t]+[^\s#"'`]/y;
/** `ENV ` or `ARG ` at the start of a line, just before the name. */
const DOCKER_ENV_BEFORE = /\n[ \t]*(?:ENV|ARG)[ \t]+$/;

/** File types whose unquoted values are expressions, not literals (Terraform and Nix among them: a string is quoted). */
const SOURCE_EXTENSIONS =
  /\.(?:tf|tfvars|hcl|nix|[cm]?[jt]sx?|py|go|java|kt|kts|scala|groovy|rb|php|cs|fs|rs|swift|c|cc|cpp|h|hpp|m|mm|dart|lua|ex|exs|erl|hs|clj|vue|svelte|r|pl|pm|jl|zig|nim|sol)$/i;

export function allowsUnquotedValues(path: string): boolean {
  return !SOURCE_EXTENSIONS.test(path);
}

/** The assignments whose name holds a match of `keyword` (a global, case-insensitive regex). */
export function* assignmentsAround(text: string, keyword: RegExp, unquotedAllowed: boolean): Generator<Assignment> {
  let lastNameEnd = -1;
  keyword.lastIndex = 0;
  for (let hit = keyword.exec(text); hit; hit = keyword.exec(text)) {
    let start = hit.index;
    let end = hit.index + hit[0].length;
    while (start > 0 && isNameChar(text.charCodeAt(start - 1))) start--;
    while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
    keyword.lastIndex = end;
    if (end === lastNameEnd) continue;
    lastNameEnd = end;
    const raw = text.slice(start, end);
    const flag = raw.startsWith('--');
    const name = raw.replace(/^-+/, '').replace(/[.-]+$/, '');
    // Looked at through a short window, never back to the line's start: a megabyte line must not cost a scan per name.
    if (text.slice(start - 2, start) === '${') {
      const found = expansionDefault(text, end);
      if (found) yield { name, ...found };
      continue;
    }
    // Asked only when it matters: most names are neither flags nor in files that allow unquoted values.
    let dockerEnvKnown: boolean | undefined;
    const dockerEnv = (): boolean => (dockerEnvKnown ??= afterDockerEnv(text, start));
    const found =
      valueAfter(text, end, OPERATOR, unquotedAllowed || flag || dockerEnv()) ??
      (flag || dockerEnv() ? notAFlag(valueAfter(text, end, SPACE_SEPARATOR, true)) : undefined) ??
      (text[start - 1] === '<' ? xmlValue(text, end) : undefined);
    if (found) yield { name, ...found };
  }
}

/** The name follows `ENV ` or `ARG ` at a line's start (a Dockerfile), looked at through a short window. */
function afterDockerEnv(text: string, start: number): boolean {
  const from = Math.max(0, start - 24);
  return DOCKER_ENV_BEFORE.test((from === 0 ? '\n' : '') + text.slice(from, start));
}

function expansionDefault(text: string, at: number): Omit<Assignment, 'name'> | undefined {
  EXPANSION_DEFAULT.lastIndex = at;
  const m = EXPANSION_DEFAULT.exec(text);
  if (!m || m[1] === '?' || m[1] === '+') return undefined;
  const quoted = /^(["'])(.*)\1$/.exec(m[2]!);
  const value = quoted ? quoted[2]! : m[2]!;
  return { value, index: at + m[0].indexOf(m[2]!) + (quoted ? 1 : 0), quoted: !!quoted };
}

/** `--password --text=...`: a flag's space-separated value is not the next flag. */
function notAFlag(found: Omit<Assignment, 'name'> | undefined): Omit<Assignment, 'name'> | undefined {
  return found && !found.quoted && found.value.startsWith('-') ? undefined : found;
}

function valueAfter(text: string, at: number, separator: RegExp, unquotedAllowed: boolean): Omit<Assignment, 'name'> | undefined {
  separator.lastIndex = at;
  const operator = separator.exec(text);
  if (!operator) return undefined;
  const from = separator.lastIndex;
  QUOTED.lastIndex = from;
  const quoted = QUOTED.exec(text);
  if (quoted) {
    const value = quoted[1] ?? quoted[2] ?? quoted[3]!;
    return { value, index: from + 1, quoted: true };
  }
  if (!unquotedAllowed) return undefined;
  UNQUOTED.lastIndex = from;
  const bare = UNQUOTED.exec(text);
  if (!bare) return undefined;
  PHRASE_GOES_ON.lastIndex = UNQUOTED.lastIndex;
  if (operator[0].trimEnd().endsWith(':') && PHRASE_GOES_ON.test(text)) return undefined;
  return { value: bare[0], index: from, quoted: false };
}

function xmlValue(text: string, at: number): Omit<Assignment, 'name'> | undefined {
  XML_VALUE.lastIndex = at;
  const m = XML_VALUE.exec(text);
  return m ? { value: m[1]!, index: at + 1, quoted: true } : undefined;
}
