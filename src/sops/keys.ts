/**
 * Finds the age identities sops itself would use (docs/sops-format.md §6 "Where sops looks for identities"), so the
 * guard can verify MACs with the keys the developer already has. All sources are combined, as in sops:
 * SOPS_AGE_KEY, SOPS_AGE_KEY_FILE, SOPS_AGE_KEY_CMD, `--age-key-file`, and `<user config dir>/sops/age/keys.txt`.
 * Identities stay in memory; neither they nor the text around them ever reach a message.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { ConfigError } from '../errors.js';
import { splitShellWords } from './shell-words.js';

export interface AgeIdentityOptions {
  /** `--age-key-file PATH`. */
  readonly ageKeyFile?: string;
  /** For tests; defaults to the running platform. */
  readonly platform?: NodeJS.Platform;
  /** How long SOPS_AGE_KEY_CMD may run. */
  readonly commandTimeoutMs?: number;
}

const IDENTITY = /^AGE-SECRET-KEY-(?:PQ-)?1[0-9A-Z]+$/;
/** A keys file that is itself an age file is passphrase-protected; the guard cannot prompt, so it skips it. */
const ENCRYPTED_KEYS_FILE = /^\s*(?:age-encryption\.org\/|-----BEGIN AGE ENCRYPTED FILE-----)/;

/** Identities in a keys text: one or more per line (3.13+ allows several, space-separated), `#` lines ignored. */
export function parseAgeKeys(text: string): string[] {
  if (ENCRYPTED_KEYS_FILE.test(text)) return [];
  return text
    .split(/\r?\n/)
    .filter((line) => !line.trimStart().startsWith('#'))
    .flatMap((line) => line.trim().split(/\s+/))
    .filter((word) => IDENTITY.test(word));
}

/** Go's `os.UserConfigDir`, with sops' macOS preference for XDG_CONFIG_HOME; undefined when it cannot be known. */
export function userConfigDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | undefined {
  const xdg = env.XDG_CONFIG_HOME;
  if (platform === 'win32') return env.AppData || env.APPDATA || undefined;
  const home = env.HOME || homedir();
  if (platform === 'darwin') return xdg || (home ? join(home, 'Library', 'Application Support') : undefined);
  if (xdg) return isAbsolute(xdg) ? xdg : undefined;
  return home ? join(home, '.config') : undefined;
}

function readKeysFile(path: string, source: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read age identities from ${source} (${path}): ${(error as NodeJS.ErrnoException).code ?? 'read error'}`);
  }
}

function runKeyCommand(command: string, env: NodeJS.ProcessEnv, timeout: number): string {
  let words: string[];
  try {
    words = splitShellWords(command);
  } catch (error) {
    throw new ConfigError(`SOPS_AGE_KEY_CMD cannot be split into words: ${(error as Error).message}`);
  }
  const [program, ...args] = words;
  if (!program) throw new ConfigError('SOPS_AGE_KEY_CMD is set but empty');
  try {
    // stdout only: stderr is discarded rather than echoed, since a failing key command may print key material.
    return execFileSync(program, args, { env, timeout, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 20 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { status?: number | null; signal?: string | null };
    const why = e.code === 'ENOENT' ? 'command not found' : e.signal ? `killed by ${e.signal} (timeout ${timeout} ms?)` : `exit status ${e.status ?? '?'}`;
    throw new ConfigError(`SOPS_AGE_KEY_CMD failed (${program}): ${why}`);
  }
}

/** Every age identity available from sops' sources, deduplicated, in the order sops reads them. */
export function loadAgeIdentities(env: NodeJS.ProcessEnv, options: AgeIdentityOptions = {}): string[] {
  const found: string[] = [];
  if (env.SOPS_AGE_KEY) found.push(...parseAgeKeys(env.SOPS_AGE_KEY));
  if (env.SOPS_AGE_KEY_FILE) found.push(...parseAgeKeys(readKeysFile(env.SOPS_AGE_KEY_FILE, 'SOPS_AGE_KEY_FILE')));
  if (env.SOPS_AGE_KEY_CMD) found.push(...parseAgeKeys(runKeyCommand(env.SOPS_AGE_KEY_CMD, env, options.commandTimeoutMs ?? 10_000)));
  if (options.ageKeyFile) found.push(...parseAgeKeys(readKeysFile(options.ageKeyFile, '--age-key-file')));
  const configDir = userConfigDir(env, options.platform);
  if (configDir) found.push(...parseAgeKeys(readDefaultKeysFile(join(configDir, 'sops', 'age', 'keys.txt'))));
  return [...new Set(found)];
}

/** The default file is optional (sops only reads it when it exists), but one that exists and cannot be read is an error. */
function readDefaultKeysFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return '';
    throw new ConfigError(`cannot read age identities from the default sops keys file (${path}): ${code ?? 'read error'}`);
  }
}
