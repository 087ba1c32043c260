/**
 * INI store (sops stores/ini/store.go, docs/sops-format.md §2.7): each section is a top-level key (keys before the first
 * header live in `DEFAULT`), each key a string leaf. A section's comment is its first item; a key's comment (the
 * lines above it) is placed AFTER the key, as sops' `treeItemFromSection` does, which matters for the comment stack.
 * `[sops]` holds the metadata flattened below the top with `\n` escaped (or as `"""` values in 3.13.0/3.13.1).
 */
import type { SopsFileModel, SopsParseFailure } from '../model.js';
import { fileModel, lineAt, parseFailure } from './build.js';
import { IniSyntaxError, readIniSections, type IniComment, type IniSection } from './ini-lines.js';
import { stringScalar, type TreeComment, type TreeEntry, type TreeMap } from './tree.js';
import { flatKeyPath, unflatten } from './unflatten.js';

/** sops `stripCommentChar`: drop the leading run of `;`/space (or `#`/space). */
function commentItem(c: IniComment): TreeComment {
  const text = c.text.startsWith(';') ? c.text.replace(/^[; ]+/, '') : c.text.startsWith('#') ? c.text.replace(/^[# ]+/, '') : c.text;
  return { kind: 'comment', text, start: c.start, end: c.end };
}

function sectionEntry(section: IniSection): TreeEntry {
  const items: Array<TreeEntry | TreeComment> = section.comment ? [commentItem(section.comment)] : [];
  for (const key of section.keys) {
    items.push({ kind: 'entry', key: key.name, value: stringScalar(key.value, key.start, key.end), start: key.start, end: key.end });
    if (key.comment) items.push(commentItem(key.comment));
  }
  return { kind: 'entry', key: section.name, value: { kind: 'map', items }, start: section.start, end: section.end };
}

export function parseIniStore(content: string): SopsFileModel | SopsParseFailure {
  let sections: IniSection[];
  try {
    sections = readIniSections(content);
  } catch (e) {
    if (e instanceof IniSyntaxError) return parseFailure('ini', e.message, e.line);
    throw e;
  }
  const sopsSections = sections.filter((s) => s.name === 'sops');
  if (sopsSections.length > 1) return parseFailure('ini', 'Found duplicate sops entry', lineAt(content, sopsSections[1]!.start));
  const root: TreeMap = { kind: 'map', items: sections.filter((s) => s.name !== 'sops').map(sectionEntry) };
  const meta = sopsSections[0];
  if (!meta) return fileModel('ini', [root]);
  const line = lineAt(content, meta.start);
  // EscapeNewlines: sops turns the literal two characters `\n` back into newlines before unflattening.
  const leaves = meta.keys.map((k) => ({ path: flatKeyPath(k.name), text: k.value.replaceAll('\\n', '\n'), type: 'str' as const, start: k.start, end: k.end }));
  let raw: Record<string, unknown>;
  try {
    raw = unflatten(meta.keys.map((k, i) => [k.name, leaves[i]!.text] as const));
  } catch (e) {
    return parseFailure('ini', `sops metadata: ${(e as Error).message}`, line);
  }
  return fileModel('ini', [root], { raw, leaves, line });
}
