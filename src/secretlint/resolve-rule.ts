/**
 * Finds the module behind a `.secretlintrc` rule id, with secretlint's naming shortcuts (`example` for
 * `secretlint-rule-example`, `@scope/example` for `@scope/secretlint-rule-example`, `preset-x` for
 * `secretlint-rule-preset-x`): first in the repository's node_modules (a team's own rules), then beside
 * secrets-guard (the bundled preset). Modules are imported, never run as a child process.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SecretLintUnionRuleCreator } from '@secretlint/types';

export const PRESET_RECOMMEND_ID = '@secretlint/secretlint-rule-preset-recommend';

/** Package names an id may stand for, most specific first. */
export function candidatePackageNames(id: string): string[] {
  const names = [id, withPrefix('secretlint-rule-', id)];
  const withoutPreset = id.replace(/^preset-/, '').replace(/^@([^/]+)\/preset-(.*)$/, '@$1/$2');
  names.push(withPrefix('secretlint-rule-preset-', withoutPreset));
  return [...new Set(names)];
}

function withPrefix(prefix: string, name: string): string {
  if (name.startsWith('@')) {
    const [scope, rest = ''] = name.split('/');
    return rest.startsWith(prefix) ? name : `${scope}/${prefix}${rest}`;
  }
  return name.startsWith(prefix) ? name : `${prefix}${name}`;
}

export async function resolveRuleCreator(id: string, baseDirectory?: string): Promise<SecretLintUnionRuleCreator> {
  const names = candidatePackageNames(id);
  const errors: string[] = [];
  for (const name of names) {
    const module = await importFrom(name, baseDirectory).catch((error: Error) => {
      errors.push(error.message.split('\n')[0] ?? '');
      return undefined;
    });
    if (module === undefined) continue;
    const creator = creatorOf(module);
    if (!creator) throw new Error(`${name} does not export a secretlint rule (no \`creator\`)`);
    return creator;
  }
  throw new Error(`not found as ${names.join(' or ')}`);
}

async function importFrom(name: string, baseDirectory: string | undefined): Promise<unknown> {
  if (baseDirectory) {
    let path: string | undefined;
    try {
      path = createRequire(join(baseDirectory, 'package.json')).resolve(name);
    } catch {
      path = undefined;
    }
    if (path) return import(pathToFileURL(path).href);
  }
  return import(name);
}

/** The version of a package as this module would import it; undefined when it cannot be read. */
export function installedPackageVersion(name: string): string | undefined {
  try {
    const path = createRequire(import.meta.url).resolve(`${name}/package.json`);
    return (JSON.parse(readFileSync(path, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

function creatorOf(module: unknown): SecretLintUnionRuleCreator | undefined {
  const m = module as { creator?: SecretLintUnionRuleCreator; default?: { creator?: SecretLintUnionRuleCreator } };
  const creator = m.creator ?? m.default?.creator;
  return creator && typeof creator === 'object' && 'meta' in creator ? creator : undefined;
}
