/**
 * lefthook (the real npm package, whose platform binary ships inside the registry package) with the README's
 * recipe, copied from the README itself: secrets-guard as a devDependency, not on PATH. lefthook runs commands
 * with the hook's PATH, without node_modules/.bin, so the recipe must name the installed binary.
 * Slow-ish: npm installs lefthook from the registry (or its cache).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv, makeRepo, PROJECT_ROOT, type TestRepo } from '../helpers/git-repo.js';
import { BARE_PATH, gitWithPath, writeGuardShim } from '../helpers/guard-shim.js';
import { hasNpm, runIn } from '../helpers/project-snapshot.js';

const NPM_MS = 300_000;
const title = hasNpm ? 'lefthook with the README recipe' : 'lefthook with the README recipe (SKIPPED: `npm` is not on PATH to install lefthook)';

/** The first yaml block of the README's lefthook section. */
function readmeRecipe(): string {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n### lefthook\n'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README.md has no yaml block under "### lefthook"');
  return block[1]!;
}

describe.skipIf(!hasNpm)(title, () => {
  let repo: TestRepo;

  beforeAll(() => {
    repo = makeRepo();
    repo.write('package.json', `${JSON.stringify({ name: 'app', private: true, devDependencies: { lefthook: '^2.0.0' } }, null, 2)}\n`);
    repo.write('.gitignore', 'node_modules/\n');
    const env = isolatedEnv({ npm_config_audit: 'false', npm_config_fund: 'false', npm_config_prefer_offline: 'true' });
    // lefthook's postinstall would install the hook itself; the explicit `lefthook install` below is what the README says.
    const install = runIn(repo.dir, env, 'npm', ['install', '--ignore-scripts'], NPM_MS - 10_000);
    expect(install.status, install.output).toBe(0);
    writeGuardShim(join(repo.dir, 'node_modules/.bin/secrets-guard')); // the devDependency, installed
    repo.write('lefthook.yml', readmeRecipe());
    const hook = runIn(repo.dir, env, 'npx', ['lefthook', 'install'], 60_000);
    expect(hook.status, hook.output).toBe(0);
  }, NPM_MS);
  afterAll(() => repo?.cleanup());

  it('blocks a commit with a plaintext .env and lets a clean one through, with secrets-guard only in node_modules', () => {
    repo.write('.env', 'DB_PASSWORD=prod-Zk8q9pLw2mX\n');
    repo.git('add', '.env', 'package.json', '.gitignore', 'lefthook.yml');
    const blocked = gitWithPath(repo.dir, BARE_PATH, 'commit', '-m', 'leak');
    expect(blocked.output).toMatch(/\.env\n.*plaintext-env-file/);
    expect(blocked.output).not.toMatch(/not found/);
    expect(blocked.status).toBe(1);
    expect(repo.tryGit('rev-parse', '--verify', '--quiet', 'HEAD').status).not.toBe(0);

    repo.git('rm', '-q', '--cached', '.env');
    const clean = gitWithPath(repo.dir, BARE_PATH, 'commit', '-m', 'clean');
    expect(clean.output).toMatch(/no secrets found in 3 file\(s\)/);
    expect(clean.status).toBe(0);
  });
});
