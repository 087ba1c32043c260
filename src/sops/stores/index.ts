/**
 * Entry point of the store parsers: pick the store sops would use for a file (docs/sops-format.md §2.1,
 * cmd/sops/formats `FormatForPath`), or recognise an encrypted file by its content where the name does not settle
 * it (an `.env.enc` written with `--input-type dotenv`), then parse it into a SopsFileModel.
 */
import type { SopsFileModel, SopsParseFailure, SopsStore } from '../model.js';
import { parseDotenvStore } from './dotenv-store.js';
import { parseIniStore } from './ini-store.js';
import { parseBinaryStore, parseJsonStore } from './json-store.js';
import { parseYamlStore } from './yaml-store.js';

/** sops `FormatForPath`: case-sensitive suffixes, anything else is binary. */
export function storeForPath(path: string): SopsStore {
  if (path.endsWith('.yaml') || path.endsWith('.yml')) return 'yaml';
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.env')) return 'dotenv';
  if (path.endsWith('.ini')) return 'ini';
  return 'binary';
}

const DOTENV_METADATA = /^sops_(?:mac|version|lastmodified|unencrypted_suffix|encrypted_regex|age__list_|pgp__list_)[^\n=]*=/m;
const YAML_METADATA = /^sops:[ \t]*(?:#.*)?\r?$/m;
const INI_METADATA = /^[ \t]*\[sops\][ \t]*\r?$/m;
const JSON_METADATA = /"sops"\s*:\s*\{/;

/** The store whose sops metadata the content carries, whatever the file's name; undefined when it carries none. */
function storeOfMetadata(content: string): SopsStore | undefined {
  if (!content.includes('sops')) return undefined;
  if (DOTENV_METADATA.test(content)) return 'dotenv';
  if (content.trimStart().startsWith('{') && JSON_METADATA.test(content)) return 'json';
  if (YAML_METADATA.test(content)) return 'yaml';
  if (INI_METADATA.test(content)) return 'ini';
  return undefined;
}

/**
 * The store to parse a file with: by name as sops does, except that a name sops would treat as binary is checked
 * for the metadata of another store (the file was then encrypted with `--input-type`).
 */
export function detectStore(path: string, content: string): SopsStore {
  const byName = storeForPath(path);
  if (byName !== 'binary') return byName;
  const byContent = storeOfMetadata(content);
  if (byContent !== 'json') return byContent ?? 'binary';
  // The binary store writes JSON too: a file whose only value is `data` is one.
  const parsed = parseJsonStore(content);
  if ('leaves' in parsed && parsed.metadata) {
    const keys = parsed.leaves.filter((l) => !l.isComment).map((l) => l.path[0]);
    return keys.length === 1 && keys[0] === 'data' ? 'binary' : 'json';
  }
  return 'binary';
}

export function parseStore(store: SopsStore, content: string): SopsFileModel | SopsParseFailure {
  switch (store) {
    case 'yaml':
      return parseYamlStore(content);
    case 'json':
      return parseJsonStore(content);
    case 'dotenv':
      return parseDotenvStore(content);
    case 'ini':
      return parseIniStore(content);
    case 'binary':
      return parseBinaryStore(content);
  }
}

/**
 * For a file that does not parse in the store its name gives: the other text store its content parses in, with at
 * least one value (plain YAML under a `.json` name), so a message can say what the file is.
 */
export function storeThatParses(content: string, failed: SopsStore): SopsStore | undefined {
  // Broken JSON is still meant as JSON, though YAML's flow syntax may accept it.
  if (/^\s*[{[]/.test(content)) return undefined;
  // INI is left out: its parser takes `key: value` lines, so broken YAML would pass for INI.
  const candidates = (['yaml', 'dotenv'] as const).filter((s) => s !== failed);
  return candidates.find((store) => {
    const parsed = parseGuarded(store, content);
    return !isParseFailure(parsed) && parsed.leaves.some((l) => !l.isComment);
  });
}

/** parseStore that never throws: a parser bug or a pathological input is a failure, not a crash. */
export function parseGuarded(store: SopsStore, content: string): SopsFileModel | SopsParseFailure {
  try {
    return parseStore(store, content);
  } catch (e) {
    // Nesting deep enough to exhaust the stack, for one: a finding, not a crash.
    return { store, error: `could not parse the file (${(e as Error).name})` };
  }
}

export function isParseFailure(result: SopsFileModel | SopsParseFailure): result is SopsParseFailure {
  return 'error' in result;
}

/**
 * Parses a file in the store `detectStore` picks. Never throws on any content. Keeps nothing: the engine parses each
 * file once, through its SourceFile (src/engine/source-file.ts), which every rule shares.
 */
export function parseSopsFile(path: string, content: string): SopsFileModel | SopsParseFailure {
  const store = detectStore(path, content);
  let result = parseGuarded(store, content);
  // A sops file of another store under this name (`sops encrypt --input-type yaml` on a `.json` file): sops decrypts
  // it with the same flag, so it is checked in the store its content is written in.
  const other = store === storeForPath(path) && (isParseFailure(result) || !result.metadata) ? storeOfMetadata(content) : undefined;
  if (other && other !== store) {
    const alternative = parseGuarded(other, content);
    if (!isParseFailure(alternative) && alternative.metadata) result = { ...alternative, nameStore: store };
  }
  return result;
}
