/** Where the pre-commit hook belongs: husky's `.husky/pre-commit`, or the hooks directory git actually uses. */
import { accessSync, constants, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Repository } from '../git/repository.js';

export type HookTarget =
  /** husky owns the hooks: the check goes into `.husky/pre-commit`; `active` when git already runs husky's hooks. */
  | { readonly kind: 'husky'; readonly file: string; readonly active: boolean; readonly gitHooksDir: string }
  /** A hook file of our own in git's hooks directory; `sharedScope` when core.hooksPath comes from global/system config. */
  | { readonly kind: 'git-hooks'; readonly dir: string; readonly file: string; readonly sharedScope?: string };

export interface PackageJson {
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

/** `huskyListed`: the repository's package.json lists husky as a dependency. */
export async function hookTarget(repo: Repository, huskyListed: boolean): Promise<HookTarget> {
  // `--git-path hooks` honours core.hooksPath and linked worktrees (whose hooks live in the common directory).
  const gitHooksDir = resolve(repo.root, (await repo.run(['rev-parse', '--git-path', 'hooks'])).trim());
  const huskyDir = join(repo.root, '.husky');
  if (isDirectory(huskyDir) || huskyListed) {
    // husky 9 points core.hooksPath at .husky/_, husky 4-8 at .husky itself.
    const active = gitHooksDir === join(huskyDir, '_') || gitHooksDir === huskyDir;
    return { kind: 'husky', file: join(huskyDir, 'pre-commit'), active, gitHooksDir };
  }
  // `git config --get` of an unset key exits 1 without a message: "not set", like an empty answer.
  const scope = (await repo.run(['config', '--show-scope', '--get', 'core.hooksPath']).catch(() => '')).split('\t')[0]?.trim();
  const shared = scope === 'global' || scope === 'system' ? { sharedScope: scope } : {};
  return { kind: 'git-hooks', dir: gitHooksDir, file: join(gitHooksDir, 'pre-commit'), ...shared };
}

/** The repository's own package.json, if it has one that parses (a broken one is not init's business). */
export function readPackageJson(root: string): PackageJson | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as PackageJson) : undefined;
  } catch {
    return undefined;
  }
}

export function dependsOn(packageJson: PackageJson | undefined, name: string): boolean {
  return Boolean(packageJson?.dependencies?.[name] ?? packageJson?.devDependencies?.[name]);
}

/**
 * The package init runs in: the nearest folder with a package.json from `cwd` up to the top of the work tree,
 * relative to it ('' for the top, also when no folder has one). In a monorepo whose tools are a package's
 * dependencies, that package's node_modules/.bin is where the guard is installed.
 */
export function packageDirOf(cwd: string, root: string): string {
  const top = realpathSync(root);
  let dir = realpathSync(cwd);
  while (!existsSync(join(dir, 'package.json')) && dir !== top && dirname(dir) !== dir) dir = dirname(dir);
  const rel = relative(top, dir);
  return existsSync(join(dir, 'package.json')) && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : '';
}

/** Whether the hook would find the guard now: the same two places it looks, in the same order. */
export function guardFindable(packageRoot: string, env: NodeJS.ProcessEnv): boolean {
  const candidates = [
    join(packageRoot, 'node_modules/.bin/secrets-guard'),
    ...(env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, 'secrets-guard')),
  ];
  return candidates.some(isExecutableFile);
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
