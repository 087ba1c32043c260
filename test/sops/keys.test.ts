import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, generateHybridIdentity } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { loadAgeIdentities, parseAgeKeys, userConfigDir } from '../../src/sops/keys.js';
import { splitShellWords } from '../../src/sops/shell-words.js';

let dir: string;
let a: string, b: string, c: string, pq: string;
/** An environment with nothing set, so the developer's real ~/.config/sops is never read. */
const empty = (): NodeJS.ProcessEnv => ({ HOME: join(dir, 'nohome'), PATH: process.env.PATH });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sg-keys-'));
  [a, b, c, pq] = await Promise.all([generateIdentity(), generateIdentity(), generateIdentity(), generateHybridIdentity()]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseAgeKeys', () => {
  const ids = (text: string, wordsPerLine = false) => parseAgeKeys({ source: 'SRC', text, wordsPerLine }).map((f) => f.identity);

  it('skips empty and # lines, as sops does; SOPS_AGE_KEY alone may hold several identities per line', () => {
    expect(ids(`# created: 2024\n# public key: age1xyz\n${a}\n\n${pq}\r\n`)).toEqual([a, pq]);
    expect(ids(`# inline\n  ${b} ${c}\n${a}`, true)).toEqual([b, c, a]);
  });

  it('refuses any other line, naming the source and the line, never the text', () => {
    for (const text of [`${a}\nnot-a-key\n`, `${a}\nage1lzd99uklcjnc0e7d860axevet2cz99ce9pq6tzuzd05l5nr28ams36nvun\n`, `${a}\n  ${b}\n`, `${a}\n${b} ${c}\n`]) {
      const run = () => ids(text);
      expect(run).toThrow(ConfigError);
      expect(run).toThrow(/^SRC, line 2: not a valid age identity/);
    }
    expect(() => ids(`${a} garbage`, true)).toThrow(/^SRC, line 1: /);
    try {
      ids(`${a}\nx${b}\n`);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain(b);
    }
  });

  it('skips a passphrase-protected keys file instead of misreading it', () => {
    expect(ids('-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n')).toEqual([]);
  });
});

describe('userConfigDir', () => {
  it('follows Go and sops per platform', () => {
    expect(userConfigDir({ HOME: '/h' }, 'linux')).toBe('/h/.config');
    expect(userConfigDir({ HOME: '/h', XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/x');
    expect(userConfigDir({ HOME: '/h', XDG_CONFIG_HOME: 'rel' }, 'linux')).toBeUndefined();
    expect(userConfigDir({ HOME: '/h' }, 'darwin')).toBe('/h/Library/Application Support');
    expect(userConfigDir({ HOME: '/h', XDG_CONFIG_HOME: '/x' }, 'darwin')).toBe('/x');
    expect(userConfigDir({ AppData: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toBe('C:\\Users\\u\\AppData\\Roaming');
  });
});

describe('splitShellWords', () => {
  it('splits like a shell without expanding', () => {
    expect(splitShellWords(`pass show 'age key'  "a \\"b\\" $HOME" c\\ d`)).toEqual(['pass', 'show', 'age key', 'a "b" $HOME', 'c d']);
    expect(splitShellWords(`x ''`)).toEqual(['x', '']);
    expect(() => splitShellWords(`echo "open`)).toThrow('unterminated double quote');
  });
});

describe('loadAgeIdentities', () => {
  it('combines SOPS_AGE_KEY, SOPS_AGE_KEY_FILE, SOPS_AGE_KEY_CMD, --age-key-file and the default file, deduplicated', async () => {
    const keyFile = join(dir, 'file.txt');
    writeFileSync(keyFile, `# file\n${b}\n`);
    const cliFile = join(dir, 'cli.txt');
    writeFileSync(cliFile, `${c}\n${a}\n`);
    const xdg = join(dir, 'xdg');
    mkdirSync(join(xdg, 'sops', 'age'), { recursive: true });
    writeFileSync(join(xdg, 'sops', 'age', 'keys.txt'), `${pq}\n`);
    const env = { ...empty(), XDG_CONFIG_HOME: xdg, SOPS_AGE_KEY: `# inline\n${a}`, SOPS_AGE_KEY_FILE: keyFile, SOPS_AGE_KEY_CMD: `printf '%s\\n' ${a}` };
    expect(await loadAgeIdentities(env, { ageKeyFile: cliFile, platform: 'linux' })).toEqual([a, b, c, pq]);
  });

  it('reads the default file under HOME when nothing else is set, and tolerates its absence', async () => {
    expect(await loadAgeIdentities(empty(), { platform: 'linux' })).toEqual([]);
    const home = join(dir, 'home');
    mkdirSync(join(home, '.config', 'sops', 'age'), { recursive: true });
    writeFileSync(join(home, '.config', 'sops', 'age', 'keys.txt'), `${b}\n`);
    expect(await loadAgeIdentities({ HOME: home }, { platform: 'linux' })).toEqual([b]);
  });

  it('takes stdout only from the key command', async () => {
    const env = { ...empty(), SOPS_AGE_KEY_CMD: `sh -c 'echo ${a}; echo ${b} >&2'` };
    expect(await loadAgeIdentities(env, { platform: 'linux' })).toEqual([a]);
  });

  it('accepts plugin identities (valid for sops; the guard cannot use them)', async () => {
    const plugin = 'AGE-PLUGIN-YUBIKEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ'; // secrets-guard-allow: made up
    expect(await loadAgeIdentities({ ...empty(), SOPS_AGE_KEY: `${plugin}\n${a}` }, { platform: 'linux' })).toEqual([plugin, a]);
  });

  const failures: Array<[string, NodeJS.ProcessEnv, RegExp]> = [
    ['a missing SOPS_AGE_KEY_FILE', { SOPS_AGE_KEY_FILE: '/nonexistent/keys.txt' }, /SOPS_AGE_KEY_FILE \(\/nonexistent\/keys.txt\): ENOENT/],
    ['a failing command', { SOPS_AGE_KEY_CMD: 'false' }, /SOPS_AGE_KEY_CMD failed \(false\): exit status 1/],
    ['a missing command', { SOPS_AGE_KEY_CMD: 'no-such-command-sg' }, /command not found/],
    ['an unsplittable command', { SOPS_AGE_KEY_CMD: 'echo "x' }, /cannot be split/],
    ['a malformed SOPS_AGE_KEY', { SOPS_AGE_KEY: 'garbage' }, /^SOPS_AGE_KEY, line 1: not a valid age identity/],
    ['a command that prints no identity', { SOPS_AGE_KEY_CMD: 'echo' }, /^the output of SOPS_AGE_KEY_CMD: holds no age identity/],
    ['a command that prints junk', { SOPS_AGE_KEY_CMD: 'echo nope' }, /^the output of SOPS_AGE_KEY_CMD, line 1: not a valid age identity/],
  ];
  for (const [name, extra, message] of failures) {
    it(`rejects with a ConfigError naming the source for ${name}`, async () => {
      const run = loadAgeIdentities({ ...empty(), ...extra }, { platform: 'linux' });
      await expect(run).rejects.toThrow(ConfigError);
      await expect(loadAgeIdentities({ ...empty(), ...extra }, { platform: 'linux' })).rejects.toThrow(message);
    });
  }

  it('refuses an identity with a bad checksum, and a keys file that holds none', async () => {
    const file = join(dir, 'typo.txt');
    const typo = a.slice(0, -1) + (a.endsWith('Q') ? 'P' : 'Q');
    writeFileSync(file, `# mine\n${b}\n${typo}\n`);
    const run = () => loadAgeIdentities({ ...empty(), SOPS_AGE_KEY_FILE: file }, { platform: 'linux' });
    await expect(run()).rejects.toThrow(`SOPS_AGE_KEY_FILE (${file}), line 3: not a valid age identity`);
    await expect(run()).rejects.not.toThrow(typo);
    writeFileSync(file, '# only a comment\n\n');
    await expect(run()).rejects.toThrow(`SOPS_AGE_KEY_FILE (${file}): holds no age identity`);
  });

  it('times out a hanging command, even one that ignores SIGTERM', async () => {
    const run = loadAgeIdentities({ ...empty(), SOPS_AGE_KEY_CMD: `sh -c 'trap "" TERM; sleep 5'` }, { platform: 'linux', commandTimeoutMs: 200 });
    await expect(run).rejects.toThrow(/SOPS_AGE_KEY_CMD failed \(sh\): no answer within 0.2 s/);
  });

  it('reports an unreadable --age-key-file or default keys file (a directory) as a ConfigError', async () => {
    await expect(loadAgeIdentities(empty(), { ageKeyFile: dir, platform: 'linux' })).rejects.toThrow(/--age-key-file .*EISDIR/);
    const xdg = join(dir, 'xdg-dir');
    mkdirSync(join(xdg, 'sops', 'age', 'keys.txt'), { recursive: true });
    await expect(loadAgeIdentities({ ...empty(), XDG_CONFIG_HOME: xdg }, { platform: 'linux' })).rejects.toThrow(/default sops keys file .*EISDIR/);
  });

  it('never puts a key into an error message', async () => {
    const error = await loadAgeIdentities({ ...empty(), SOPS_AGE_KEY_CMD: `sh -c 'echo ${a}; exit 3'` }, { platform: 'linux' }).catch((e: Error) => e);
    expect((error as Error).message).not.toContain(a);
    expect((error as Error).message).toContain('exit status 3');
  });
});
