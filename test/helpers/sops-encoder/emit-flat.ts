/**
 * Writes JSON, dotenv and INI as sops does (docs/sops-format.md §2.4, §2.6-2.8): JSON with a tab indent and a nested
 * `sops` object; dotenv and INI with the metadata flattened (`sops_` prefix for dotenv, a `[sops]` section for INI)
 * and newlines in values written as the two characters `\n`.
 */
import type { TreeMap, TreeValue } from '../../../src/sops/stores/tree.js';
import type { Rendered } from './emit-yaml.js';

function toJson(value: TreeValue, rendered: Rendered): unknown {
  if (value.kind === 'list') return value.items.map((item) => (item.kind === 'comment' ? noComments() : toJson(item, rendered)));
  if (value.kind === 'map') {
    const out: Record<string, unknown> = {};
    for (const item of value.items) {
      if (item.kind === 'comment') noComments();
      else out[item.key] = toJson(item.value, rendered);
    }
    return out;
  }
  const enc = rendered.get(value.start);
  if (enc !== undefined) return enc;
  if (value.type === 'null') return null;
  if (value.type === 'bool') return value.text === 'true';
  if (value.type === 'int' || value.type === 'float') return Number(value.text);
  return value.text;
}

function noComments(): never {
  throw new Error('JSON has no comments: remove the comment items from the data');
}

export function emitJson(document: TreeMap, metadata: Record<string, unknown>, rendered: Rendered): string {
  const body = toJson(document, rendered) as Record<string, unknown>;
  return JSON.stringify({ ...body, sops: metadata }, null, '\t') + '\n';
}

/** `key__map_sub__list_0__map_enc` flattening (§2.8). */
function flattenMetadata(value: unknown, prefix = ''): Array<[string, string]> {
  if (Array.isArray(value)) return value.flatMap((v, i) => flattenMetadata(v, `${prefix}__list_${i}`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => flattenMetadata(v, prefix === '' ? k : `${prefix}__map_${k}`));
  }
  return [[prefix, String(value)]];
}

const escapeNewlines = (text: string): string => text.replace(/\n/g, '\\n');

function scalarText(value: TreeValue, rendered: Rendered, where: string): string {
  if (value.kind !== 'scalar') throw new Error(`${where}: dotenv and INI hold strings only, not nested data`);
  return rendered.get(value.start) ?? value.text;
}

export function emitDotenv(document: TreeMap, metadata: Record<string, unknown>, rendered: Rendered): string {
  const lines = document.items.map((item) =>
    item.kind === 'comment' ? `#${rendered.get(item.start) ?? item.text}` : `${item.key}=${escapeNewlines(scalarText(item.value, rendered, item.key))}`,
  );
  for (const [key, value] of flattenMetadata(metadata)) lines.push(`sops_${key}=${escapeNewlines(value)}`);
  return lines.join('\n') + '\n';
}

export function emitIni(document: TreeMap, metadata: Record<string, unknown>, rendered: Rendered): string {
  const sections = document.items.map((section) => {
    if (section.kind === 'comment' || section.value.kind !== 'map') throw new Error('INI data is a map of sections, each a map of strings');
    const lines = section.value.items.map((item) => {
      if (item.kind === 'comment') throw new Error('the encoder does not write INI comments');
      return `${item.key} = ${escapeNewlines(scalarText(item.value, rendered, `${section.key}.${item.key}`))}`;
    });
    return [`[${section.key}]`, ...lines].join('\n');
  });
  const meta = flattenMetadata(metadata).map(([key, value]) => `${key} = ${escapeNewlines(value)}`);
  return [...sections, ['[sops]', ...meta].join('\n')].join('\n\n') + '\n';
}
