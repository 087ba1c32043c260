/** Comments per line in each file's syntax: what an allow marker must be inside to count (comment-syntax.ts). */
import { describe, expect, it } from 'vitest';
import { commentSyntaxFor, commentsOnLine } from '../../src/engine/comment-syntax.js';

const comments = (path: string, line: string): Array<[string, boolean]> => {
  const syntax = commentSyntaxFor(path);
  return syntax ? commentsOnLine(line, syntax).map((c) => [c.text.trim(), c.alone]) : [];
};

describe('commentsOnLine', () => {
  const table: Array<[path: string, line: string, expected: Array<[string, boolean]>]> = [
    ['a.yaml', 'key: value # note', [['note', false]]],
    ['a.yaml', '  # note', [['note', true]]],
    ['a.yaml', 'key: value#not-a-comment', []],
    ['a.yaml', 'key: "a # b" # note', [['note', false]]],
    ['a.yaml', 'key: "a \\" # b"', []],
    ['a.yaml', "key: 'it''s' # note", [['note', false]]],
    ['a.yaml', 'key: x // not yaml', []],
    ['a.json', '{"a": 1} // no comments in JSON', []],
    ['tsconfig.jsonc', '"a": 1, // note', [['note', false]]],
    ['a.ts', 'f(/* glued: not counted */ x) /* two */', [['two', false]]],
    ['a.ts', '/* note */', [['note', true]]],
    ['a.ts', '/* note */ code()', [['note', false]]],
    ['a.ts', 'const u = "http://x"; // note', [['note', false]]],
    ['a.ts', 'const u = `// in a template`;', []],
    ['a.ts', 'a // note # more', [['note # more', false]]],
    ['main.tf', 'a = 1 // note', [['note', false]]],
    ['main.tf', 'a = 1 # note', [['note', false]]],
    ['q.sql', "SELECT '--x' -- note", [['note', false]]],
    ['a.ini', '; note', [['note', true]]],
    ['README.md', "Don't <!-- note --> here", [['note', false]]],
    ['README.md', '`<!-- code -->` text', []],
    ['run.bat', '@REM note', [['note', true]]],
    ['run.bat', ':: note', [['note', true]]],
    ['run.bat', 'REMARK not a comment', []],
    ['run.bat', 'echo # not a comment', []],
    ['Dockerfile', 'RUN x # note', [['note', false]]],
    ['notes.unknown', 'x = "y" ; note', [['note', false]]],
    ['notes.unknown', "x = 'a # b'", []],
  ];
  for (const [path, line, expected] of table) {
    it(`${path}: ${line}`, () => expect(comments(path, line)).toEqual(expected));
  }
});
