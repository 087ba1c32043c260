/** What `secrets-guard init` does, as a list of steps it can either carry out or only describe (--dry-run). */
import { isAbsolute, relative } from 'node:path';
import { ConfigError } from '../errors.js';

export interface InitAction {
  /** One output line once done, e.g. "wrote .git/hooks/pre-commit ...". */
  readonly done: string;
  /** The same step under --dry-run, e.g. "would write .git/hooks/pre-commit ...". */
  readonly planned: string;
  /** Absent for notes and for steps with nothing left to do. */
  readonly apply?: () => void;
}

/** A line that changes nothing (already done, or something the user should know). */
export function note(text: string): InitAction {
  return { done: text, planned: text };
}

/** Carries out the steps in order (unless dry) and returns the output lines. */
export function runActions(actions: readonly InitAction[], dryRun: boolean): string[] {
  return actions.map((action) => {
    if (!dryRun) action.apply?.();
    return dryRun ? action.planned : action.done;
  });
}

/** Paths in messages: relative to the repository root when inside it (core.hooksPath may point anywhere). */
export function shown(root: string, path: string): string {
  const rel = relative(root, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** File-system failures become one clear line (exit 2) instead of an internal error. */
export function writing<T>(path: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw new ConfigError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
