/**
 * A keys file (SOPS_AGE_KEY_FILE, --age-key-file, the default <config>/sops/age/keys.txt) or a key command's output
 * that holds a line sops would refuse, or no identity at all, stops the run with exit 2 naming the file, never
 * quoting it. Ignored, it left a real MAC mismatch unverified and the commit passed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { macMismatchFile, PUBLISHED_IDENTITY, PUBLISHED_RECIPIENT, SOPS_YAML } from '../helpers/published-age-key.js';

let repo: TestRepo;
let dir: string;
afterEach(() => {
  repo?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('a keys file without a valid identity', () => {
  it('is exit 2 naming its source and path, for every place sops reads keys from', async () => {
    repo = makeRepo();
    repo.write('.sops.yaml', SOPS_YAML);
    repo.write('secrets/app.yaml', await macMismatchFile());
    repo.git('add', '-A');
    dir = mkdtempSync(join(tmpdir(), 'sg-keys-'));
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    // age-keygen's own header, then the public key pasted where the identity belongs.
    const wrongKey = file('wrong.txt', `# created: 2025-01-01T00:00:00Z\n# public key: ${PUBLISHED_RECIPIENT}\n${PUBLISHED_RECIPIENT}\n`);
    const indented = file('indented.txt', `# mine\n  ${PUBLISHED_IDENTITY}\n`);
    const empty = file('empty.txt', '# nothing here yet\n\n');
    const xdg = join(dir, 'xdg');
    mkdirSync(join(xdg, 'sops', 'age'), { recursive: true });
    const defaultFile = join(xdg, 'sops', 'age', 'keys.txt');
    writeFileSync(defaultFile, `${PUBLISHED_IDENTITY}\ngarbage\n`);

    const cases: Array<{ args?: string[]; env: NodeJS.ProcessEnv; message: string }> = [
      { env: { SOPS_AGE_KEY_FILE: wrongKey }, message: `SOPS_AGE_KEY_FILE (${wrongKey}), line 3: not a valid age identity` },
      { env: { SOPS_AGE_KEY_FILE: indented }, message: `SOPS_AGE_KEY_FILE (${indented}), line 2: not a valid age identity` },
      { env: { SOPS_AGE_KEY_FILE: empty }, message: `SOPS_AGE_KEY_FILE (${empty}): holds no age identity` },
      { args: ['--age-key-file', wrongKey], env: {}, message: `--age-key-file (${wrongKey}), line 3: not a valid age identity` },
      { env: { XDG_CONFIG_HOME: xdg }, message: `the default sops keys file (${defaultFile}), line 2: not a valid age identity` },
      { env: { SOPS_AGE_KEY_CMD: `cat ${wrongKey}` }, message: 'the output of SOPS_AGE_KEY_CMD, line 3: not a valid age identity' },
      {
        env: { SOPS_AGE_KEY_FILE: join(dir, 'missing.txt') },
        message: `cannot read age identities from SOPS_AGE_KEY_FILE (${join(dir, 'missing.txt')}): ENOENT`,
      },
    ];
    for (const { args = [], env, message } of cases) {
      const out = repo.guard(['check', ...args], env);
      expect(out.status, message).toBe(2);
      expect(out.stderr.startsWith(`secrets-guard: ${message}`), out.stderr).toBe(true);
      expect(out.stderr.split('\n')).toHaveLength(2); // one line
      expect(out.stderr).not.toContain('AGE-SECRET-KEY');
    }

    // A missing default keys file is not an error: the good key alone finds the mismatch.
    const missingDefault = repo.guard(['check'], { XDG_CONFIG_HOME: join(dir, 'nowhere'), SOPS_AGE_KEY: PUBLISHED_IDENTITY });
    expect(missingDefault.status).toBe(1);
    expect(missingDefault.stdout).toMatch(/sops-mac-mismatch/);
  });
});
