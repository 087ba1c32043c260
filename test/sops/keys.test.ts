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
  it('keeps identities only: comments, public keys and junk are dropped; several per line allowed', () => {
    const text = `# created: 2024\n# public key: age1xyz\n${a}\n\n  ${b} ${c}\nnot-a-key\n# ${pq}\n${pq}\r\n`;
    expect(parseAgeKeys(text)).toEqual([a, b, c, pq]);
  });
  it('skips a passphrase-protected keys file instead of misreading it', () => {
    expect(parseAgeKeys('-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n')).toEqual([]);
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
  it('combines SOPS_AGE_KEY, SOPS_AGE_KEY_FILE, SOPS_AGE_KEY_CMD, --age-key-file and the default file, deduplicated', () => {
    const keyFile = join(dir, 'file.txt');
    writeFileSync(keyFile, `# file\n${b}\n`);
    const cliFile = join(dir, 'cli.txt');
    writeFileSync(cliFile, `${c}\n${a}\n`);
    const xdg = join(dir, 'xdg');
    mkdirSync(join(xdg, 'sops', 'age'), { recursive: true });
    writeFileSync(join(xdg, 'sops', 'age', 'keys.txt'), `${pq}\n`);
    const env = { ...empty(), XDG_CONFIG_HOME: xdg, SOPS_AGE_KEY: `# inline\n${a}`, SOPS_AGE_KEY_FILE: keyFile, SOPS_AGE_KEY_CMD: `printf '%s\\n' ${a}` };
    expect(loadAgeIdentities(env, { ageKeyFile: cliFile, platform: 'linux' })).toEqual([a, b, c, pq]);
  });

  it('reads the default file under HOME when nothing else is set, and tolerates its absence', () => {
    expect(loadAgeIdentities(empty(), { platform: 'linux' })).toEqual([]);
    const home = join(dir, 'home');
    mkdirSync(join(home, '.config', 'sops', 'age'), { recursive: true });
    writeFileSync(join(home, '.config', 'sops', 'age', 'keys.txt'), `${b}\n`);
    expect(loadAgeIdentities({ HOME: home }, { platform: 'linux' })).toEqual([b]);
  });

  it('takes stdout only from the key command', () => {
    const env = { ...empty(), SOPS_AGE_KEY_CMD: `sh -c 'echo ${a}; echo ${b} >&2'` };
    expect(loadAgeIdentities(env, { platform: 'linux' })).toEqual([a]);
  });

  const failures: Array<[string, NodeJS.ProcessEnv, RegExp]> = [
    ['a missing SOPS_AGE_KEY_FILE', { SOPS_AGE_KEY_FILE: '/nonexistent/keys.txt' }, /SOPS_AGE_KEY_FILE \(\/nonexistent\/keys.txt\): ENOENT/],
    ['a failing command', { SOPS_AGE_KEY_CMD: 'false' }, /SOPS_AGE_KEY_CMD failed \(false\): exit status 1/],
    ['a missing command', { SOPS_AGE_KEY_CMD: 'no-such-command-sg' }, /command not found/],
    ['an unsplittable command', { SOPS_AGE_KEY_CMD: 'echo "x' }, /cannot be split/],
  ];
  for (const [name, extra, message] of failures) {
    it(`throws a ConfigError naming the source for ${name}`, () => {
      const run = () => loadAgeIdentities({ ...empty(), ...extra }, { platform: 'linux' });
      expect(run).toThrow(ConfigError);
      expect(run).toThrow(message);
    });
  }

  it('times out a hanging command', () => {
    const run = () => loadAgeIdentities({ ...empty(), SOPS_AGE_KEY_CMD: 'sleep 5' }, { platform: 'linux', commandTimeoutMs: 200 });
    expect(run).toThrow(/SOPS_AGE_KEY_CMD failed \(sleep\): killed by SIGTERM/);
  });

  it('reports an unreadable --age-key-file or default keys file (a directory) as a ConfigError', () => {
    const run = () => loadAgeIdentities(empty(), { ageKeyFile: dir, platform: 'linux' });
    expect(run).toThrow(/--age-key-file .*EISDIR/);
    const xdg = join(dir, 'xdg-dir');
    mkdirSync(join(xdg, 'sops', 'age', 'keys.txt'), { recursive: true });
    expect(() => loadAgeIdentities({ ...empty(), XDG_CONFIG_HOME: xdg }, { platform: 'linux' })).toThrow(/default sops keys file .*EISDIR/);
  });

  it('never puts a key into an error message', () => {
    try {
      loadAgeIdentities({ ...empty(), SOPS_AGE_KEY_CMD: `sh -c 'echo ${a}; exit 3'` }, { platform: 'linux' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain(a);
      expect((error as Error).message).toContain('exit status 3');
    }
  });
});
