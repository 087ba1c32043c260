/**
 * `secrets-guard init`: sets up the pre-commit hook in the repository of the working directory (husky's
 * `.husky/pre-commit` where husky is in use, otherwise the hooks directory git uses) and suggests `.gitignore`
 * lines. Idempotent; `--dry-run` describes the same steps and changes nothing. One output line per step.
 */
import type { CommandHandler } from '../cli.js';
import { UsageError } from '../errors.js';
import { openRepository } from '../git/repository.js';
import { note, runActions, type InitAction } from '../init/actions.js';
import { gitignoreActions } from '../init/gitignore.js';
import { hookActions } from '../init/hook-actions.js';
import { dependsOn, guardFindable, hookTarget, readPackageJson } from '../init/hook-target.js';

export const init: CommandHandler = async (cli, io) => {
  if (cli.paths.length > 0) throw new UsageError(`init takes no paths (got ${cli.paths[0]})`);
  const repo = await openRepository(io.cwd, io.env);
  const packageJson = readPackageJson(repo.root);
  const target = await hookTarget(repo, packageJson);
  const actions: InitAction[] = [...hookActions(target, repo.root)];
  if (packageJson && !dependsOn(packageJson, 'secrets-guard')) {
    actions.push(note('note: package.json does not list secrets-guard: `npm install --save-dev secrets-guard` pins it for everyone (until then the hook uses secrets-guard on PATH)'));
  }
  if (!guardFindable(repo.root, io.env)) {
    actions.push(note('note: secrets-guard is neither in node_modules/.bin nor on PATH: until it is installed, the hook blocks every commit'));
  }
  actions.push(...gitignoreActions(repo.root, cli.options.gitignore === true));
  const lines = runActions(actions, cli.options['dry-run'] === true);
  return { exitCode: 0, stdout: `${lines.join('\n')}\n`, stderr: '', files: [] };
};
