/**
 * What is made once per run, on the main thread, and shared by every plan (each commit of a range) and every
 * worker thread: the fingerprint salt and the age identities. The identities are resolved on first request only
 * (a commit without sops files never runs SOPS_AGE_KEY_CMD or reads a keys file), and the answer, or the failure,
 * is kept: a key command runs at most once per run, however many commits, files and threads ask.
 */
import { resolveAgeIdentities, type AgeKeySources } from './age-key-sources.js';
import { RUN_SALT } from './run-rule.js';

export interface RunContext {
  /** The caller's salt, or RUN_SALT: the run's own random salt, made on first use. A baseline brings its own. */
  readonly salt: string;
  /** The run's age identities; worker threads ask the main thread for them (parallel.ts). */
  ageIdentities(): Promise<readonly string[]>;
}

export function createRunContext(options: { readonly salt?: string; readonly ageKeys?: AgeKeySources }): RunContext {
  let identities: Promise<readonly string[]> | undefined;
  return {
    salt: options.salt ?? RUN_SALT,
    ageIdentities: () => (identities ??= resolveAgeIdentities(options.ageKeys ?? {})),
  };
}
