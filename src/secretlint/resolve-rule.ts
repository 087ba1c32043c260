/**
 * Finds the module behind a `.secretlintrc` rule id, with secretlint's naming shortcuts (`example` for
 * `secretlint-rule-example`, `@scope/example` for `@scope/secretlint-rule-example`, `preset-x` for
 * `secretlint-rule-preset-x`): first in the repository's node_modules (a team's own rules), then beside
 * secrets-guard (the bundled preset). Modules are imported, never run as a child process.
 *
 * The id comes from repository content, so it may only name an installed package: an id that is not a package
 * name (a relative or absolute path, a `file:`, `data:` or `node:` URL, `..`) is refused, and so is a name that
 * resolves anywhere but inside a `node_modules` directory (a package.json `exports` self-reference, NODE_PATH).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

/** npm package names, scoped or not (upper case allowed, as older packages have it): nothing that is a path or URL. */
const PACKAGE_NAME = /^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*$/i;

export function isPackageName(id: string): boolean {
  return id.length <= 214 && PACKAGE_NAME.test(id);
}

export async function resolveRuleCreator(id: string, baseDirectory?: string): Promise<SecretLintUnionRuleCreator> {
  if (!isPackageName(id)) throw new Error('not a package name: rules are loaded from installed packages only, never from a path or URL');
  const names = candidatePackageNames(id);
  for (const name of names) {
    const path = resolveInstalled(name, baseDirectory);
    if (path === undefined) continue;
    // The file imported is the one checked: inside node_modules/<name>/, whatever the resolution went through.
    if (!path.includes(`${sep}node_modules${sep}${name.split('/').join(sep)}${sep}`)) {
      throw new Error(`${name} resolves to ${path}, outside node_modules: only installed packages are loaded`);
    }
    const creator = creatorOf(await import(pathToFileURL(path).href));
    if (!creator) throw new Error(`${name} does not export a secretlint rule (no \`creator\`)`);
    return creator;
  }
  throw new Error(`not found as ${names.join(' or ')}`);
}

/** The file a package name resolves to, from the repository's node_modules, then from secrets-guard's own. */
function resolveInstalled(name: string, baseDirectory: string | undefined): string | undefined {
  try {
    if (baseDirectory) return createRequire(join(baseDirectory, 'package.json')).resolve(name);
  } catch {
    // not installed in the repository: try beside secrets-guard
  }
  try {
    return fileURLToPath(import.meta.resolve(name));
  } catch {
    return undefined;
  }
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
