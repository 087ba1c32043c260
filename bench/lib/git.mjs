/**
 * git for the benchmark, isolated from the user's configuration (no global or system config, no inherited GIT_*
 * or SOPS_* variables, no sops age keys from the user's config dir), with a fixed identity.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const AUTHOR = 'Bench Author <bench@example.invalid>';
/** 2024-01-01T00:00:00Z; commit k is k hours later. */
const EPOCH = 1704067200;

export function isolatedEnv(extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('GIT_') || key.startsWith('SOPS_')) delete env[key];
  const xdg = join(tmpdir(), 'secrets-guard-bench-no-xdg');
  mkdirSync(xdg, { recursive: true });
  return {
    ...env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Bench Author',
    GIT_AUTHOR_EMAIL: 'bench@example.invalid',
    GIT_COMMITTER_NAME: 'Bench Author',
    GIT_COMMITTER_EMAIL: 'bench@example.invalid',
    XDG_CONFIG_HOME: xdg,
    NO_COLOR: '1',
    LANG: 'C.UTF-8',
    ...extra,
  };
}

export const git = (dir, args, options = {}) =>
  execFileSync('git', args, { cwd: dir, env: isolatedEnv(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });

/**
 * A `git fast-import` stream: commits are written straight into a pack, with fixed dates and identity, so the
 * commit ids depend only on the content. Writes wait for the pipe to drain, so memory stays flat at any size.
 */
export function openFastImport(dir) {
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, env: isolatedEnv(), stdio: ['pipe', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = once(child, 'close');
  const write = async (chunk) => {
    if (!child.stdin.write(chunk)) await Promise.race([once(child.stdin, 'drain'), exited]);
  };
  const data = async (bytes) => {
    await write(`data ${bytes.length}\n`);
    await write(bytes);
    await write('\n');
  };
  return {
    async commit(number, message, files) {
      const when = `${EPOCH + number * 3600} +0000`;
      await write(`commit refs/heads/main\nauthor ${AUTHOR} ${when}\ncommitter ${AUTHOR} ${when}\n`);
      await data(Buffer.from(message));
      for (const file of files) {
        await write(`M 100644 inline ${file.path}\n`);
        await data(file.bytes);
      }
    },
    async close() {
      child.stdin.end('done\n');
      const [code] = await exited;
      if (code !== 0) throw new Error(`git fast-import failed (exit ${code}): ${stderr.trim()}`);
    },
  };
}
