/**
 * Errors the tool knows how to explain. Each ends the run with exit code 2 and one line on stderr;
 * anything else is an internal error, which also exits 2 (fail closed), never 0.
 */

/** `.secrets-guard.yaml`, a CLI flag or a `--sops-config` is wrong. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** git could not do what the scan needs: not a repository, unreadable index, missing commit. */
export class GitError extends Error {
  override readonly name = 'GitError';
}

/** The command line itself is wrong. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A rule threw, or a worker thread died: the scan is incomplete, so the run fails (exit 2), naming the cause. */
export class RuleCrash extends Error {
  override readonly name = 'RuleCrash';
}

export function isKnownError(error: unknown): error is ConfigError | GitError | UsageError {
  return error instanceof ConfigError || error instanceof GitError || error instanceof UsageError;
}
