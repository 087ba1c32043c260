/**
 * Nothing in the repository refers to files outside it: a clone must read the same everywhere. The needles are
 * built from pieces so that this file does not match itself.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/git-repo.js';

const OUTSIDE = [['..', 'shared'].join('/'), ['', 'work', ''].join('/')];
const TEMPORARY = ['', 'tmp', ''].join('/');

function trackedTextFiles(): Array<{ path: string; text: string }> {
  const paths = execFileSync('git', ['ls-files', '-z'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  return paths.flatMap((path) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(PROJECT_ROOT, path));
    } catch {
      return []; // deleted in the work tree, or a submodule
    }
    return bytes.subarray(0, 8192).includes(0) ? [] : [{ path, text: bytes.toString('utf8') }];
  });
}

/** `path:line: text` of each line of `files` that `matches`. */
function linesMatching(files: ReadonlyArray<{ path: string; text: string }>, matches: (line: string) => boolean): string[] {
  return files.flatMap(({ path, text }) => text.split('\n').flatMap((line, i) => (matches(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])));
}

describe('the repository', () => {
  const files = trackedTextFiles();

  it('reads its tracked text files', () => {
    expect(files.some((f) => f.path === 'package.json')).toBe(true);
  });

  it('mentions no folder outside itself', () => {
    expect(linesMatching(files, (line) => OUTSIDE.some((needle) => line.includes(needle)))).toEqual([]);
  });

  it('names no temporary path in its documents', () => {
    expect(
      linesMatching(
        files.filter((f) => f.path.endsWith('.md')),
        (line) => line.includes(TEMPORARY),
      ),
    ).toEqual([]);
  });

  it('cites the sops format notes where they are, docs/sops-format.md', () => {
    const outsideDocs = files.filter((f) => !f.path.startsWith('docs/'));
    expect(linesMatching(outsideDocs, (line) => /(^|[^/])sops-format\.md/.test(line))).toEqual([]);
  });
});
