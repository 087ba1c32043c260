/**
 * Where the comments of a line are, in the syntax of the file (known from its extension or name): what an allow
 * marker must be inside to count. A comment leader inside a string is text, so a marker quoted as data (a JSON or
 * YAML value) is never a comment. Lines are read one at a time: a string or block comment opened on an earlier line
 * is not followed, and a leader counts only at the start of the line or after white space (`a//b` and `x#y` are not
 * comments). JSON has no comments at all.
 */

export interface CommentSyntax {
  /** Leaders of comments that run to the end of the line. */
  readonly line: readonly string[];
  /** Comments that end at a closer (or at the end of the line, when it does not close there). */
  readonly block: ReadonlyArray<readonly [open: string, close: string]>;
  /** Leaders that count only as the first thing on the line (batch files' `REM` and `::`), case-insensitive. */
  readonly lineStart?: readonly string[];
  /** Characters that open and close a string; a backslash escapes the next character inside one. */
  readonly quotes: string;
}

const C_BLOCK = ['/*', '*/'] as const;
const MARKUP_BLOCK = ['<!--', '-->'] as const;

const HASH: CommentSyntax = { line: ['#'], block: [], quotes: `"'` };
const SHELL: CommentSyntax = { line: ['#'], block: [], quotes: `"'\`` };
const INI: CommentSyntax = { line: ['#', ';'], block: [], quotes: `"'` };
const HCL: CommentSyntax = { line: ['#', '//'], block: [C_BLOCK], quotes: `"'` };
const C_LIKE: CommentSyntax = { line: ['//'], block: [C_BLOCK], quotes: `"'\`` };
const CSS: CommentSyntax = { line: [], block: [C_BLOCK], quotes: `"'` };
const SQL: CommentSyntax = { line: ['--'], block: [C_BLOCK], quotes: `"'` };
const LUA: CommentSyntax = { line: ['--'], block: [], quotes: `"'` };
const PERCENT: CommentSyntax = { line: ['%'], block: [], quotes: `"'` };
const MARKUP: CommentSyntax = { line: [], block: [MARKUP_BLOCK], quotes: `"'` };
/** Markdown prose is full of apostrophes and quotation marks; only code spans hide a comment. */
const MARKDOWN: CommentSyntax = { line: [], block: [MARKUP_BLOCK], quotes: '`' };
const BATCH: CommentSyntax = { line: [], block: [], lineStart: ['rem', '::'], quotes: '"' };
/** Any file of another kind: the common leaders, none of them inside a string of any common quoting. */
const UNKNOWN: CommentSyntax = { line: ['#', '//', '--', ';'], block: [C_BLOCK, MARKUP_BLOCK], quotes: `"'\`` };

const BY_EXTENSION: ReadonlyMap<string, CommentSyntax | undefined> = new Map([
  ...[
    'yaml',
    'yml',
    'py',
    'pyw',
    'rb',
    'pl',
    'pm',
    'r',
    'toml',
    'env',
    'cfg',
    'conf',
    'properties',
    'mk',
    'cmake',
    'dockerfile',
    'gitignore',
    'dockerignore',
    'tfvars',
  ].map((e) => [e, HASH] as const),
  ...['sh', 'bash', 'zsh', 'ksh', 'fish', 'ps1', 'psm1'].map((e) => [e, SHELL] as const),
  ...['ini', 'editorconfig', 'gitconfig'].map((e) => [e, INI] as const),
  ...['tf', 'hcl', 'nomad'].map((e) => [e, HCL] as const),
  ...[
    'js',
    'mjs',
    'cjs',
    'jsx',
    'ts',
    'mts',
    'cts',
    'tsx',
    'go',
    'java',
    'kt',
    'kts',
    'scala',
    'groovy',
    'gradle',
    'c',
    'h',
    'cc',
    'cpp',
    'cxx',
    'hpp',
    'cs',
    'swift',
    'rs',
    'dart',
    'php',
    'proto',
    'jsonc',
    'json5',
    'scss',
    'less',
  ].map((e) => [e, C_LIKE] as const),
  ['css', CSS],
  ['sql', SQL],
  ...['lua', 'hs'].map((e) => [e, LUA] as const),
  ...['tex', 'sty', 'erl', 'hrl'].map((e) => [e, PERCENT] as const),
  ...['html', 'htm', 'xhtml', 'xml', 'svg', 'plist', 'vue', 'csproj'].map((e) => [e, MARKUP] as const),
  ...['md', 'markdown', 'mdx'].map((e) => [e, MARKDOWN] as const),
  ...['bat', 'cmd'].map((e) => [e, BATCH] as const),
  // No comments: a marker in these files is always data.
  ...['json', 'jsonl', 'ndjson', 'geojson', 'ipynb', 'tfstate'].map((e) => [e, undefined] as const),
]);

const BY_NAME: ReadonlyMap<string, CommentSyntax> = new Map([
  ['dockerfile', HASH],
  ['makefile', HASH],
  ['gnumakefile', HASH],
  ['.env', HASH],
  ['.bashrc', SHELL],
  ['.profile', SHELL],
  ['.zshrc', SHELL],
]);

/** The comment syntax of a file; undefined when its format has no comments (JSON). */
export function commentSyntaxFor(path: string): CommentSyntax | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const named = BY_NAME.get(name);
  if (named) return named;
  const dot = name.lastIndexOf('.');
  const extension = dot >= 0 ? name.slice(dot + 1) : '';
  return BY_EXTENSION.has(extension) ? BY_EXTENSION.get(extension) : UNKNOWN;
}

/** A comment on a line: its text (without leader or closer), and whether the line holds nothing else. */
export interface LineComment {
  readonly text: string;
  readonly alone: boolean;
}

/** The comments of one line, outside strings, in order. */
export function commentsOnLine(line: string, syntax: CommentSyntax): LineComment[] {
  const indent = line.length - line.trimStart().length;
  const starter = lineStartComment(line.slice(indent), syntax);
  if (starter !== undefined) return [{ text: starter, alone: true }];
  const comments: LineComment[] = [];
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (syntax.quotes.includes(c)) {
      quote = c;
      continue;
    }
    if (i > 0 && !/\s/.test(line[i - 1]!)) continue;
    const leader = syntax.line.find((l) => line.startsWith(l, i));
    if (leader) {
      comments.push({ text: line.slice(i + leader.length), alone: i === indent });
      break;
    }
    const block = syntax.block.find(([open]) => line.startsWith(open, i));
    if (!block) continue;
    const [open, close] = block;
    const found = line.indexOf(close, i + open.length);
    const end = found === -1 ? line.length : found;
    const after = found === -1 ? line.length : found + close.length;
    comments.push({ text: line.slice(i + open.length, end), alone: i === indent && line.slice(after).trim() === '' });
    i = after - 1;
  }
  return comments;
}

/** The text after a leader that only counts first on the line (`REM`, `::`, also after batch's `@`). */
function lineStartComment(trimmed: string, syntax: CommentSyntax): string | undefined {
  const text = trimmed.startsWith('@') ? trimmed.slice(1) : trimmed;
  const lower = text.toLowerCase();
  // A leader that ends in a letter must end a word: `REMARK` is not `REM`.
  const leader = syntax.lineStart?.find((l) => lower.startsWith(l) && !(/\w$/.test(l) && /\w/.test(lower.charAt(l.length))));
  return leader === undefined ? undefined : text.slice(leader.length);
}
