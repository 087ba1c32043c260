/**
 * git's NUL-separated listings parsed in-process, without git: which records are file content, and names that hold
 * spaces, newlines, tabs or glob characters arrive intact. test/git/ runs the same parsers on real repositories.
 */
import { describe, expect, it } from 'vitest';
import { isZeroOid } from '../../src/git/history.js';
import { parseLsTree, parseRawDiff, siblingPathspecs } from '../../src/git/tree-entries.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);
const raw = (oldMode: string, newMode: string, oldOid: string, newOid: string, status: string, ...paths: string[]): string =>
  [`:${oldMode} ${newMode} ${oldOid} ${newOid} ${status}`, ...paths].join('\0') + '\0';

describe('parseRawDiff (diff-index / diff-tree --raw -z)', () => {
  it('keeps added, modified, renamed and type-changed files, under their new path', () => {
    const out = [
      raw('000000', '100644', Z, A, 'A', 'new file.env'),
      raw('100644', '100755', A, B, 'M', 'dir/run\nme.sh'),
      raw('100644', '100644', A, B, 'R087', 'old.yaml', 'moved/new.yaml'),
      raw('120000', '100644', A, B, 'T', 'was-a-link'),
    ].join('');
    expect(parseRawDiff(out)).toEqual([
      { path: 'new file.env', oid: A, mode: '100644' },
      { path: 'dir/run\nme.sh', oid: B, mode: '100755' },
      { path: 'moved/new.yaml', oid: B, mode: '100644' },
      { path: 'was-a-link', oid: B, mode: '100644' },
    ]);
  });

  it('drops deletions, symlinks and submodules: none of them is file content', () => {
    const out = [
      raw('100644', '000000', A, Z, 'D', 'gone.env'),
      raw('000000', '120000', Z, A, 'A', 'link'),
      raw('000000', '160000', Z, A, 'A', 'vendor/lib'),
    ].join('');
    expect(parseRawDiff(out)).toEqual([]);
  });
});

describe('parseLsTree (ls-tree -r -z)', () => {
  it('keeps blobs with their mode, not trees, submodules or symlinks', () => {
    const out =
      [`100644 blob ${A}\ta\tb.yaml`, `040000 tree ${B}\tdir`, `160000 commit ${B}\tsub`, `120000 blob ${B}\tlink`, `100755 blob ${B}\tbin/run`].join('\0') +
      '\0';
    expect(parseLsTree(out)).toEqual([
      { path: 'a\tb.yaml', oid: A, mode: '100644' },
      { path: 'bin/run', oid: B, mode: '100755' },
    ]);
  });
});

describe('siblingPathspecs', () => {
  it('one glob pathspec per directory of the staged files, glob characters in names escaped', () => {
    const entry = (path: string) => ({ path, oid: A, mode: '100644' });
    expect(siblingPathspecs([entry('top.env'), entry('a/[x]/b.yaml'), entry('a/[x]/c.yaml')])).toEqual([':(top,glob)*', ':(top,glob)a/\\[x\\]/*']);
  });
});

describe('isZeroOid', () => {
  it('is true for the all-zero ids of SHA-1 and SHA-256 repositories, false for a real id', () => {
    expect(isZeroOid(Z)).toBe(true);
    expect(isZeroOid('0'.repeat(64))).toBe(true);
    expect(isZeroOid(A)).toBe(false);
    expect(isZeroOid(`${'0'.repeat(39)}1`)).toBe(false);
  });
});
