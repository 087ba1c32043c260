/**
 * Finds the age identities sops itself would use (docs/sops-format.md §6 "Where sops looks for identities"), so the
 * guard can verify MACs with the keys the developer already has. All sources are combined, as in sops:
 * SOPS_AGE_KEY, SOPS_AGE_KEY_FILE, SOPS_AGE_KEY_CMD, `--age-key-file`, and `<user config dir>/sops/age/keys.txt`.
 * A source that holds anything but identities and comments is refused, as sops refuses it: a key the guard cannot
 * read must stop the run, never quietly leave a MAC unverified. Identities stay in memory; neither they nor the text
 * around them ever reach a message, which names the source and the line only.
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

/** Where a keys text came from, for messages: a variable's name or a file's path, never the text. */
export interface KeysText {
  readonly source: string;
  readonly text: string;
  /** SOPS_AGE_KEY alone may hold several space-separated identities on a line (sops 3.13). */
  readonly wordsPerLine?: boolean;
}

const X25519_IDENTITY = 'AGE-SECRET-KEY-1';
const HYBRID_IDENTITY = 'AGE-SECRET-KEY-PQ-1';
/** Plugin identities (`AGE-PLUGIN-YUBIKEY-1...`) are valid for sops; the guard cannot run plugins and skips them. */
const PLUGIN_IDENTITY = /^AGE-PLUGIN-[A-Z0-9-]+1[02-9AC-HJ-NP-Z]+$/;
const BECH32_DATA = /^[02-9AC-HJ-NP-Z]+$/;
/** A keys file that is itself an age file is passphrase-protected; the guard cannot prompt, so it skips it. */
const ENCRYPTED_KEYS_FILE = /^(?:age-encryption|-----BEGIN AGE)/;

/** An identity and the line it was found on (for messages, which never quote it). */
interface FoundIdentity {
  readonly identity: string;
  readonly line: number;
}

/**
 * The identities in a keys text, checked line by line as sops reads them: a line that is empty or starts with `#`
 * is skipped, any other must be one identity (or, for SOPS_AGE_KEY, identities separated by white space). Checks the
 * shape only; `validateAgeIdentities` checks each checksum and length.
 */
export function parseAgeKeys({ source, text, wordsPerLine = false }: KeysText): FoundIdentity[] {
  if (ENCRYPTED_KEYS_FILE.test(text)) return [];
  const found: FoundIdentity[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '' || line.startsWith('#')) return;
    for (const word of wordsPerLine ? line.split(/\s+/).filter(Boolean) : [line]) {
      if (!looksLikeIdentity(word)) throw malformed(source, i + 1);
      found.push({ identity: word, line: i + 1 });
    }
  });
  return found;
}

function looksLikeIdentity(word: string): boolean {
  if (PLUGIN_IDENTITY.test(word)) return true;
  const prefix = word.startsWith(HYBRID_IDENTITY) ? HYBRID_IDENTITY : word.startsWith(X25519_IDENTITY) ? X25519_IDENTITY : undefined;
  return prefix !== undefined && BECH32_DATA.test(word.slice(prefix.length));
}

function malformed(source: string, line: number): ConfigError {
  return new ConfigError(`${source}, line ${line}: not a valid age identity (sops refuses it too); fix or remove that line`);
}

/**
 * Decodes each identity as age does (bech32 checksum, 32-byte key), so a mistyped key is refused now rather than
 * silently matching no recipient. Loads age-encryption: called only once a sops file needs the identities.
 */
async function validateAgeIdentities(sources: ReadonlyArray<{ source: string; found: readonly FoundIdentity[] }>): Promise<void> {
  const toDecode = sources.flatMap(({ source, found }) => found.filter((f) => !PLUGIN_IDENTITY.test(f.identity)).map((f) => ({ source, ...f })));
  if (toDecode.length === 0) return;
  const { identityToRecipient } = await import('age-encryption');
  for (const { source, identity, line } of toDecode) {
    if (
      !(await identityToRecipient(identity).then(
        () => true,
        () => false,
      ))
    )
      throw malformed(source, line);
  }
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
    // SIGKILL on timeout: a command that ignores SIGTERM must not hang the commit.
    return execFileSync(program, args, { env, timeout, killSignal: 'SIGKILL', encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 20 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { status?: number | null; signal?: string | null };
    const why =
      e.code === 'ENOENT'
        ? 'command not found'
        : e.code === 'ETIMEDOUT'
          ? `no answer within ${timeout / 1000} s (it cannot prompt: stdin is closed)`
          : e.signal
            ? `killed by ${e.signal}`
            : `exit status ${e.status ?? '?'}`;
    throw new ConfigError(`SOPS_AGE_KEY_CMD failed (${program}): ${why}`);
  }
}

/** The default file is optional (sops only reads it when it exists), but one that exists and cannot be read is an error. */
function readDefaultKeysFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigError(`cannot read age identities from the default sops keys file (${path}): ${code ?? 'read error'}`);
  }
}

/** Each source sops would read, in its order, as text; reading a file or running the command happens here. */
function keysTexts(env: NodeJS.ProcessEnv, options: AgeIdentityOptions): KeysText[] {
  const texts: KeysText[] = [];
  if (env.SOPS_AGE_KEY) texts.push({ source: 'SOPS_AGE_KEY', text: env.SOPS_AGE_KEY, wordsPerLine: true });
  if (env.SOPS_AGE_KEY_FILE) {
    texts.push({ source: `SOPS_AGE_KEY_FILE (${env.SOPS_AGE_KEY_FILE})`, text: readKeysFile(env.SOPS_AGE_KEY_FILE, 'SOPS_AGE_KEY_FILE') });
  }
  if (env.SOPS_AGE_KEY_CMD) {
    texts.push({ source: 'the output of SOPS_AGE_KEY_CMD', text: runKeyCommand(env.SOPS_AGE_KEY_CMD, env, options.commandTimeoutMs ?? 10_000) });
  }
  if (options.ageKeyFile) texts.push({ source: `--age-key-file (${options.ageKeyFile})`, text: readKeysFile(options.ageKeyFile, '--age-key-file') });
  const configDir = userConfigDir(env, options.platform);
  const defaultFile = configDir ? join(configDir, 'sops', 'age', 'keys.txt') : undefined;
  const defaultText = defaultFile ? readDefaultKeysFile(defaultFile) : undefined;
  if (defaultFile && defaultText !== undefined) texts.push({ source: `the default sops keys file (${defaultFile})`, text: defaultText });
  return texts;
}

/**
 * Every age identity available from sops' sources, deduplicated, in the order sops reads them. A source that is
 * there but holds no identity (an empty file, a command that prints nothing) is refused too: the developer meant
 * to give a key, and a scan without it would pass what it cannot verify.
 */
export async function loadAgeIdentities(env: NodeJS.ProcessEnv, options: AgeIdentityOptions = {}): Promise<string[]> {
  const sources = keysTexts(env, options).map((t) => {
    const found = parseAgeKeys(t);
    if (found.length === 0 && !ENCRYPTED_KEYS_FILE.test(t.text)) throw new ConfigError(`${t.source}: holds no age identity`);
    return { source: t.source, found };
  });
  await validateAgeIdentities(sources);
  return [...new Set(sources.flatMap((s) => s.found.map((f) => f.identity)))];
}
