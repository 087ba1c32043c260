/**
 * Where age identities come from: explicit ones (tests, callers), and sops' own sources (SOPS_AGE_KEY*, the
 * user config dir, --age-key-file), read only when a rule first asks, so commits without sops files never run a
 * SOPS_AGE_KEY_CMD or read a keys file.
 */
import { loadAgeIdentities } from '../sops/keys.js';

export interface AgeKeySources {
  readonly identities?: readonly string[];
  /** The environment variables sops reads keys through (and HOME/XDG for the default file), nothing else. */
  readonly env?: Readonly<Record<string, string>>;
  readonly ageKeyFile?: string;
}

const KEY_ENVIRONMENT = ['SOPS_AGE_KEY', 'SOPS_AGE_KEY_FILE', 'SOPS_AGE_KEY_CMD', 'XDG_CONFIG_HOME', 'HOME', 'USERPROFILE', 'AppData', 'APPDATA', 'PATH'];

export function keyEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(KEY_ENVIRONMENT.flatMap((k) => (env[k] === undefined ? [] : [[k, env[k]!]])));
}

/** Every identity the sources give; reads files and runs the key command, so call it at most once per run. */
export async function resolveAgeIdentities(sources: AgeKeySources): Promise<readonly string[]> {
  const found = sources.env ? await loadAgeIdentities(sources.env, sources.ageKeyFile ? { ageKeyFile: sources.ageKeyFile } : {}) : [];
  return [...(sources.identities ?? []), ...found];
}
