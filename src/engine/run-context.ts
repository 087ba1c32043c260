/**
 * What is made once per run, on the main thread, and shared by every plan (each commit of a range) and every
 * worker thread: the fingerprint salt and the age identities. Both are made on first request only: a commit with
 * nothing to fingerprint never loads node:crypto, and one without sops files never runs SOPS_AGE_KEY_CMD or reads a
 * keys file. The answer, or the failure, is kept: a key command runs at most once per run, however many commits,
 * files and threads ask; worker threads are handed the salt and the identities as data (parallel.ts). The
 * `.sops.yaml` texts are parsed once per run too: a range of 100 commits sees the same config 100 times.
 */
import type { SopsConfigParses } from '../sops/config/parse.js';
import { nodeCrypto } from '../util/builtin.js';
import { resolveAgeIdentities, type AgeKeySources } from './age-key-sources.js';

export interface RunContext {
  /** The caller's salt (a baseline brings its own), or the run's own random one. */
  salt(): string;
  /** The run's age identities. */
  ageIdentities(): Promise<readonly string[]>;
  readonly sopsConfigParses: SopsConfigParses;
}

export function createRunContext(options: { readonly salt?: string; readonly ageKeys?: AgeKeySources }): RunContext {
  let salt = options.salt;
  let identities: Promise<readonly string[]> | undefined;
  return {
    salt: () => (salt ??= nodeCrypto().randomBytes(16).toString('hex')),
    ageIdentities: () => (identities ??= resolveAgeIdentities(options.ageKeys ?? {})),
    sopsConfigParses: new Map(),
  };
}
