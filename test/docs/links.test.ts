/**
 * Every relative link in the README, CONTRIBUTING.md, CHANGELOG.md and docs/ points at a file of the repository, and
 * every `#anchor` at a heading of its target, as GitHub renders them: sections move between these files, and a link
 * left pointing at the old place fails here rather than on a reader.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { githubAnchors, markdownLinks } from './markdown.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function markdownFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const documents = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...markdownFiles('docs')];

function brokenLinks(document: string): string[] {
  const text = readFileSync(join(root, document), 'utf8');
  const broken: string[] = [];
  for (const link of markdownLinks(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto:: not checked offline
    const [target = '', anchor] = link.split('#', 2);
    const path = target === '' ? join(root, document) : join(root, dirname(document), decodeURIComponent(target));
    if (relative(root, path).startsWith('..') || !existsSync(path)) {
      broken.push(`${link} (no such file)`);
      continue;
    }
    if (anchor === undefined || statSync(path).isDirectory()) continue;
    if (!githubAnchors(readFileSync(path, 'utf8')).has(anchor)) broken.push(`${link} (no such heading)`);
  }
  return broken;
}

describe('documentation links', () => {
  it.each(documents)('%s links only to files and headings that exist', (document) => {
    expect(brokenLinks(document)).toEqual([]);
  });
});
