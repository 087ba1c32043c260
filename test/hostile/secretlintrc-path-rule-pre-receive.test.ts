/**
 * pre-receive judges what a push brings: a `.secretlintrc` in it names no module that is loaded. A `data:` URL
 * (code in the id itself) or an absolute path ran in the hook with the server's environment (its age key); now
 * only the bundled preset runs, and it still rejects the token the push carries.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evilRule, type EvilRule } from '../helpers/evil-secretlint-rule.js';
import { fake } from '../helpers/fake-tokens.js';
import { BIN, isolatedEnv, makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { PUBLISHED_IDENTITY } from '../helpers/published-age-key.js';

const repos: TestRepo[] = [];
let evil: EvilRule;
afterEach(() => {
  repos.splice(0).forEach((r) => r.cleanup());
  evil?.cleanup();
});

describe('a .secretlintrc rule named by a path or URL, in a push', () => {
  it('never runs in the pre-receive hook, and the push is judged by the bundled preset', () => {
    const bare = makeRepo({ init: false });
    repos.push(bare);
    bare.git('init', '-q', '--bare', '--initial-branch', 'main');
    writeFileSync(join(bare.dir, 'hooks/pre-receive'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" pre-receive\n`);
    chmodSync(join(bare.dir, 'hooks/pre-receive'), 0o755);
    evil = evilRule();
    const onServer = join(bare.dir, 'evil.js'); // a file already on the server, named by absolute path
    writeFileSync(onServer, evil.commonJs);

    const dev = makeRepo();
    repos.push(dev);
    dev.git('remote', 'add', 'origin', bare.dir);
    dev.write('.secretlintrc.json', JSON.stringify({ rules: [{ id: evil.dataUrl }, { id: onServer }, { id: './evil.js' }] }));
    dev.write('src/client.ts', `export const token = "${fake.github()}";\n`);
    dev.git('add', '-A');
    dev.git('commit', '-qm', 'rc and a token', '--no-verify');

    // The hook inherits the pusher's environment here, as a server's hooks inherit the server's.
    const push = spawnSync('git', ['push', 'origin', 'main'], { cwd: dev.dir, env: isolatedEnv({ SOPS_AGE_KEY: PUBLISHED_IDENTITY }), encoding: 'utf8' });
    expect(evil.ran()).toBe(false);
    expect(push.status).not.toBe(0);
    expect(push.stderr).toMatch(/remote: .*secretlint\/github/);
    expect(push.stderr).toMatch(/remote: .*3 rule package\(s\) it names were not loaded/);
    expect(push.stderr).toMatch(/push rejected/);
  });
});
