/**
 * `secrets-guard init`: sets up the pre-commit hook in the repository of the working directory (husky's
 * `.husky/pre-commit` where husky is in use, otherwise the hooks directory git uses) and suggests `.gitignore`
 * lines. Idempotent; `--dry-run` describes the same steps and changes nothing. One output line per step.
 * Refuses (exit 2) a hooks directory shared by every repository (core.hooksPath from the global or system config)
 * unless `--global` says that is the intent.
 */
import type { InitCommand } from '../cli/command-line.js';
import type { CliIo, CliOutcome } from '../cli/io.js';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { openRepository } from '../git/repository.js';
import { note, runActions, type InitAction } from '../init/actions.js';
import { gitignoreActions } from '../init/gitignore.js';
import { hookActions } from '../init/hook-actions.js';
import { dependsOn, guardFindable, hookTarget, packageDirOf, readPackageJson, type HookTarget } from '../init/hook-target.js';

export async function init({ options }: InitCommand, io: CliIo): Promise<CliOutcome> {
  const repo = await openRepository(io.cwd, io.env);
  const packageDir = packageDirOf(io.cwd, repo.root);
  const packageJson = readPackageJson(join(repo.root, packageDir));
  // husky is set up once for the whole repository, usually from the top's package.json.
  const target = await hookTarget(repo, dependsOn(packageJson, 'husky') || dependsOn(readPackageJson(repo.root), 'husky'));
  refuseSharedHooks(target, options.global === true);
  const actions: InitAction[] = [...hookActions(target, repo.root, packageDir)];
  if (packageDir) actions.push(note(`note: the hook runs secrets-guard from ${packageDir}/node_modules/.bin (the package init ran in), or from PATH`));
  if (packageJson && !dependsOn(packageJson, 'secrets-guard')) {
    actions.push(
      note(
        'note: package.json does not list secrets-guard: `npm install --save-dev secrets-guard` pins it for everyone (until then the hook uses secrets-guard on PATH)',
      ),
    );
  }
  if (!guardFindable(join(repo.root, packageDir), io.env)) {
    actions.push(note('note: secrets-guard is neither in node_modules/.bin nor on PATH: until it is installed, the hook blocks every commit'));
  }
  actions.push(...gitignoreActions(repo.root, options.gitignore === true));
  const lines = runActions(actions, options.dryRun === true);
  return { exitCode: 0, stdout: `${lines.join('\n')}\n`, stderr: '', files: [] };
}

/** core.hooksPath from the global or system config: a hook there runs in every repository that uses it. */
function refuseSharedHooks(target: HookTarget, global: boolean): void {
  if (target.kind !== 'git-hooks' || !target.sharedScope || global) return;
  throw new ConfigError(
    `core.hooksPath comes from your ${target.sharedScope} git config (${target.dir}): a hook written there runs in every repository and blocks commits wherever secrets-guard is not installed. ` +
      'For this repository only: git config --local core.hooksPath .git/hooks, then secrets-guard init again; for every repository: secrets-guard init --global',
  );
}
