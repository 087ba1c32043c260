/**
 * The shell text `secrets-guard init` writes: a whole pre-commit hook for the hooks directory git uses, or a block
 * for husky's `.husky/pre-commit`. Both find the guard the way the repository installs it and fail closed.
 */

/** Every text init writes carries this, so a second run recognises its own work (idempotence). */
export const INIT_MARKER = 'added by `secrets-guard init`';

/** Where the hook that was in place before init is kept; the new hook runs it first. */
export const CHAINED_HOOK_SUFFIX = '.local';

/**
 * Runs the guard, found as the repository installs it: the package's own node_modules/.bin (secrets-guard as a
 * dependency, pinned for everyone; `packageDir` is where init found that package, relative to the top of the work
 * tree, '' for the top, as in a monorepo whose tools live in a package's folder), otherwise `secrets-guard` on
 * PATH (Terraform/Nix/Kubernetes repositories with no package.json). Missing, the commit is blocked: a hook that
 * cannot check must not let everything through. git runs hooks at the top of the work tree, which the path is
 * relative to. No `exec`, so anything after this block in a husky hook still runs.
 */
function runGuard(packageDir: string): string {
  const installed = `${packageDir ? `${packageDir}/` : ''}node_modules/.bin/secrets-guard`;
  return `sg=${shellQuote(installed)}
if [ ! -x "$sg" ]; then
  missing=$sg
  sg=$(command -v secrets-guard) || {
    echo "secrets-guard: not installed (neither $missing nor secrets-guard on PATH), so this commit is blocked." >&2
    echo "secrets-guard: install it (npm install --save-dev secrets-guard, or npm install -g secrets-guard), or bypass this check consciously: git commit --no-verify" >&2
    exit 1
  }
fi
${GUARD_CALL}
`;
}

/** The last line of what init writes: the block of a husky hook ends here. */
export const GUARD_CALL = '"$sg" check || exit $?';

/** The complete hook for `<hooks dir>/pre-commit`. */
export function standaloneHook(packageDir: string): string {
  return `#!/bin/sh
# secrets-guard pre-commit hook, ${INIT_MARKER}: blocks commits that add plaintext secrets.
# Run \`secrets-guard init\` again to update it; put your own checks in pre-commit${CHAINED_HOOK_SUFFIX} next to this file.
# Bypass once, consciously: git commit --no-verify

# The hook that was here before (moved aside by init, never overwritten) runs first; like git, only if executable.
chained="$(dirname "$0")/pre-commit${CHAINED_HOOK_SUFFIX}"
if [ -x "$chained" ]; then
  "$chained" "$@" || exit $?
fi

${runGuard(packageDir)}`;
}

/** The block added to `.husky/pre-commit` (husky runs it with `sh -e`, node_modules/.bin on PATH). */
export function huskyBlock(packageDir: string): string {
  return `# secrets-guard, ${INIT_MARKER}: blocks commits that add plaintext secrets (bypass once: git commit --no-verify)
${runGuard(packageDir)}`;
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Whether a hook already runs the guard: init's own text, or a command line of someone's own that calls it. */
export function runsGuard(hookText: string): boolean {
  if (hookText.includes(INIT_MARKER)) return true;
  return commandLines(hookText).some((line) => /(^|[\s/;&|(])secrets-guard(\s|$)/.test(line));
}

function commandLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
