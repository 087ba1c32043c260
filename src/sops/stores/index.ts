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

/**
 * The store to parse a file with: by name as sops does, except that a name sops would treat as binary is checked
 * for the metadata of another store (the file was then encrypted with `--input-type`).
 */
export function detectStore(path: string, content: string): SopsStore {
  const byName = storeForPath(path);
  if (byName !== 'binary' || !content.includes('sops')) return byName;
  if (DOTENV_METADATA.test(content)) return 'dotenv';
  if (content.trimStart().startsWith('{') && JSON_METADATA.test(content)) {
    const parsed = parseJsonStore(content);
    if ('leaves' in parsed && parsed.metadata) {
      const keys = parsed.leaves.filter((l) => !l.isComment).map((l) => l.path[0]);
      return keys.length === 1 && keys[0] === 'data' ? 'binary' : 'json';
    }
    return 'binary';
  }
  if (YAML_METADATA.test(content)) return 'yaml';
  if (INI_METADATA.test(content)) return 'ini';
  return 'binary';
}

export function parseStore(store: SopsStore, content: string): SopsFileModel | SopsParseFailure {
  switch (store) {
    case 'yaml': return parseYamlStore(content);
    case 'json': return parseJsonStore(content);
    case 'dotenv': return parseDotenvStore(content);
    case 'ini': return parseIniStore(content);
    case 'binary': return parseBinaryStore(content);
  }
}

export function isParseFailure(result: SopsFileModel | SopsParseFailure): result is SopsParseFailure {
  return 'error' in result;
}

// The four sops rules and the ciphertext filter all look at the same file in a row: keep the last few parses.
const cache = new Map<string, SopsFileModel | SopsParseFailure>();
const CACHE_SIZE = 4;

/** Parses a file in the store `detectStore` picks. Never throws on any content. */
export function parseSopsFile(path: string, content: string): SopsFileModel | SopsParseFailure {
  const cacheKey = `${path}\0${content}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const store = detectStore(path, content);
  let result: SopsFileModel | SopsParseFailure;
  try {
    result = parseStore(store, content);
  } catch (e) {
    // A parser bug or a pathological input (nesting deep enough to exhaust the stack) is a finding, not a crash.
    result = { store, error: `could not parse the file (${(e as Error).name})` };
  }
  cache.set(cacheKey, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}
