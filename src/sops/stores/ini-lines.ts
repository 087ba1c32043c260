/**
 * The part of go-ini (gopkg.in/ini.v1 parser.go) that sops' INI store relies on, with offsets kept: sections (never
 * merged: sops sets AllowNonUniqueSections), `key = value` / `key: value`, `#`/`;` comment lines that attach to the
 * next section or key, inline comments cut at the first `#` or `;`, surrounding quotes trimmed, `"""` multi-line
 * values (sops 3.13.0/3.13.1 metadata) and trailing-backslash continuations.
 */

export interface IniComment {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface IniKey {
  readonly name: string;
  value: string;
  start: number;
  end: number;
  comment?: IniComment;
}

export interface IniSection {
  readonly name: string;
  readonly start: number;
  end: number;
  readonly comment?: IniComment;
  readonly keys: IniKey[];
}

export class IniSyntaxError extends Error {
  readonly line: number;

  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

interface Line {
  readonly text: string;
  readonly start: number;
  readonly number: number;
}

export function readIniSections(content: string): IniSection[] {
  const bom = content.startsWith('\uFEFF') ? 1 : 0;
  const lines: Line[] = [];
  let offset = bom;
  for (const [i, text] of content.slice(bom).split('\n').entries()) {
    lines.push({ text, start: offset, number: i + 1 });
    offset += text.length + 1;
  }
  const sections: IniSection[] = [{ name: 'DEFAULT', start: bom, end: bom, keys: [] }];
  let pending: { text: string; start: number; end: number } | undefined;
  const addComment = (text: string, start: number, end: number): void => {
    pending = pending ? { text: pending.text + text, start: pending.start, end } : { text, start, end };
  };
  const takeComment = (): IniComment | undefined => {
    const c = pending && { text: pending.text.trim(), start: pending.start, end: pending.end };
    pending = undefined;
    return c && c.text !== '' ? c : undefined;
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const indent = line.text.length - line.text.trimStart().length;
    const text = line.text.slice(indent);
    const at = line.start + indent;
    if (text.length === 0) continue;
    if (text[0] === '#' || text[0] === ';') {
      addComment(text + '\n', at, line.start + line.text.length);
      continue;
    }
    const section = sections[sections.length - 1]!;
    if (text[0] === '[') {
      const close = text.lastIndexOf(']');
      if (close === -1) throw new IniSyntaxError('unclosed section', line.number);
      const name = text.slice(1, close);
      if (name === '') throw new IniSyntaxError('empty section name', line.number);
      const inline = /[#;]/.exec(text.slice(close + 1));
      if (inline) addComment(text.slice(close + 1 + inline.index), at + close + 1 + inline.index, line.start + line.text.length);
      const comment = takeComment();
      sections.push({ name, start: at, end: line.start + line.text.length, keys: [], ...(comment ? { comment } : {}) });
      continue;
    }
    const key = readKeyName(text, line.number);
    const value = readValue(lines, n, indent + key.valueAt, addComment);
    n = value.lastLine;
    const comment = takeComment();
    const existing = section.keys.find((k) => k.name === key.name);
    // go-ini overwrites a repeated key in place (no AllowShadows).
    const target = existing ?? { name: key.name, value: '', start: 0, end: 0 };
    Object.assign(target, { value: value.text, start: value.start, end: value.end });
    if (comment) target.comment = comment;
    else delete target.comment;
    if (!existing) section.keys.push(target);
    section.end = lines[n]!.start + lines[n]!.text.length;
  }
  return sections;
}

function readKeyName(text: string, lineNumber: number): { name: string; valueAt: number } {
  const quote = text.startsWith('"""') && text.length > 6 ? '"""' : text[0] === '"' ? '"' : text[0] === '`' ? '`' : '';
  if (quote) {
    const close = text.indexOf(quote, quote.length);
    if (close === -1) throw new IniSyntaxError('missing closing key quote', lineNumber);
    const delimiter = text.slice(close + quote.length).search(/[=:]/);
    if (delimiter < 0) throw new IniSyntaxError('key-value delimiter not found', lineNumber);
    return { name: text.slice(quote.length, close).trim(), valueAt: close + quote.length + delimiter + 1 };
  }
  const delimiter = text.search(/[=:]/);
  if (delimiter < 0) throw new IniSyntaxError('key-value delimiter not found', lineNumber);
  if (delimiter === 0) throw new IniSyntaxError('empty key name', lineNumber);
  return { name: text.slice(0, delimiter).trim(), valueAt: delimiter + 1 };
}

interface ReadValue {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly lastLine: number;
}

/** go-ini `readValue`: `column` is where the value begins in line `n`. */
function readValue(lines: readonly Line[], n: number, column: number, addComment: (t: string, s: number, e: number) => void): ReadValue {
  const line = lines[n]!;
  const raw = line.text.slice(column);
  const lead = raw.length - raw.trimStart().length;
  const start = line.start + column + lead;
  const text = raw.slice(lead);
  if (text.trim() === '') return { text: '', start, end: start, lastLine: n };
  const quote = text.length > 3 && text.startsWith('"""') ? '"""' : text[0] === '`' ? '`' : '';
  if (quote) {
    const close = text.lastIndexOf(quote);
    if (close >= quote.length) return { text: text.slice(quote.length, close), start: start + quote.length, end: start + close, lastLine: n };
    // Multi-line: read until a line holding the closing quote.
    let value = text.slice(quote.length) + '\n';
    for (let m = n + 1; m < lines.length; m++) {
      const next = lines[m]!;
      const at = next.text.lastIndexOf(quote);
      if (at > -1) {
        const inline = /[#;]/.exec(next.text.slice(at));
        if (inline) addComment(next.text.slice(at + inline.index).trim(), next.start + at + inline.index, next.start + next.text.length);
        return { text: value + next.text.slice(0, at), start: start + quote.length, end: next.start + at, lastLine: m };
      }
      value += next.text + (m < lines.length - 1 ? '\n' : '');
    }
    throw new IniSyntaxError('missing closing value quote', line.number);
  }
  let value = text.trim();
  let end = start + text.trimEnd().length;
  let last = n;
  if (value.endsWith('\\')) {
    value = value.slice(0, -1);
    for (let m = n + 1; m < lines.length; m++) {
      const next = lines[m]!.text.trim();
      last = m;
      if (next.length === 0) break;
      end = lines[m]!.start + lines[m]!.text.trimEnd().length;
      value += next;
      if (!value.endsWith('\\')) break;
      value = value.slice(0, -1);
    }
    // go-ini returns continued values as read: no inline comment, no quote trimming.
    return { text: value, start, end, lastLine: last };
  }
  const inline = /[#;]/.exec(value);
  if (inline) {
    addComment(value.slice(inline.index), start + inline.index, end);
    value = value.slice(0, inline.index).trim();
    end = start + value.length;
  }
  const surrounded = (q: string): boolean => value.length >= 2 && value[0] === q && value.endsWith(q) && value.indexOf(q, 1) === value.length - 1;
  if (surrounded("'") || surrounded('"')) return { text: value.slice(1, -1), start: start + 1, end: end - 1, lastLine: last };
  return { text: value, start, end, lastLine: last };
}
