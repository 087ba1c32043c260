/**
 * What the benchmark runs on one synthetic repository: secrets-guard's three modes, the secretlint CLI (recommended
 * preset) on the same files, and git grep / ripgrep with a comparable three-pattern set as the floor.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, isolatedEnv } from './git.mjs';

/** AWS access key id, GitHub token, private key header: what the floor greps for. */
const FLOOR_PATTERNS = ['AKIA[0-9A-Z]{16}', 'ghp_[0-9A-Za-z]{36}', '-----BEGIN [A-Z ]*PRIVATE KEY-----'];
export const RANGE = 'HEAD~100..HEAD';
/** Command lines stay well under Linux's ARG_MAX (2 MiB with the environment). */
const MAX_ARGV_CHARS = 500_000;

/** `bin`: the secrets-guard entry point to measure (default the project's dist/bundle/bin.js). */
export function findTools(projectRoot, bin = join(projectRoot, 'dist/bundle/bin.js')) {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
  const secretlintDir = join(projectRoot, 'node_modules/secretlint');
  const secretlint = existsSync(join(secretlintDir, 'bin/secretlint.js'))
    ? { script: join(secretlintDir, 'bin/secretlint.js'), version: JSON.parse(readFileSync(join(secretlintDir, 'package.json'), 'utf8')).version }
    : null;
  const rgVersion = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  return { node: process.execPath, bin, secretlint, rg: rgVersion.status === 0 ? rgVersion.stdout.split('\n')[0] : null };
}

function splitIntoBatches(fixedArgs, paths) {
  const batches = [];
  let current = [];
  let chars = 0;
  for (const path of paths) {
    if (chars + path.length + 1 > MAX_ARGV_CHARS && current.length > 0) {
      batches.push([...fixedArgs, ...current]);
      current = [];
      chars = 0;
    }
    current.push(path);
    chars += path.length + 1;
  }
  batches.push([...fixedArgs, ...current]);
  return batches;
}

let secretlintRc;
/** The recommended preset, in a temporary .secretlintrc.json outside the repository. */
function secretlintConfig() {
  if (!secretlintRc) {
    secretlintRc = join(mkdtempSync(join(tmpdir(), 'sg-bench-secretlint-')), '.secretlintrc.json');
    writeFileSync(secretlintRc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }) + '\n');
  }
  return secretlintRc;
}

/** secretlint on exactly these repository-relative paths (literal, .gitignore not consulted). */
export function secretlintCase(tools, dir, paths) {
  const fixed = [tools.secretlint.script, '--secretlintrc', secretlintConfig(), '--no-glob', '--no-gitignore', '--no-color'];
  const batches = splitIntoBatches(fixed, paths);
  const base = { command: tools.node, cwd: dir, env: isolatedEnv(), isNode: true, okCodes: [0, 1] };
  return batches.length === 1 ? { ...base, args: batches[0] } : { ...base, args: batches[0], batches };
}

export function guardCase(tools, dir, args) {
  return { command: tools.node, args: [tools.bin, ...args], cwd: dir, env: isolatedEnv(), isNode: true, okCodes: [0, 1] };
}

export const nodeFloorCase = (tools, dir) => ({ command: tools.node, args: ['-e', '0'], cwd: dir, env: isolatedEnv(), isNode: true, okCodes: [0] });

export function gitGrepCase(dir) {
  const patterns = FLOOR_PATTERNS.flatMap((p) => ['-e', p]);
  return { command: 'git', args: ['grep', '-c', '-I', '-E', ...patterns], cwd: dir, env: isolatedEnv(), okCodes: [0, 1] };
}

/** The work tree holds exactly the tracked files (the repository is reset and cleaned), .git excluded. */
export function ripgrepCase(dir) {
  const patterns = FLOOR_PATTERNS.flatMap((p) => ['-e', p]);
  return { command: 'rg', args: ['--no-config', '-c', '--hidden', '--no-ignore', '-g', '!.git', ...patterns], cwd: dir, env: isolatedEnv(), okCodes: [0, 1] };
}

/**
 * What any scanner that reads the index (not the work tree) pays before it looks at a byte: git inflating every
 * tracked blob, here into /dev/null. Ripgrep reads the work tree's files from the page cache instead.
 */
export function catFileCase(dir) {
  return { command: 'sh', args: ['-c', "git ls-files -s | cut -d' ' -f2 | git cat-file --batch >/dev/null"], cwd: dir, env: isolatedEnv(), okCodes: [0] };
}

export const trackedPaths = (dir) => git(dir, ['ls-files', '-z']).split('\0').filter(Boolean);

/** Bytes and count of the distinct blobs the range adds or modifies: what `check --range` reads. */
export function rangeBlobs(dir, range = RANGE) {
  const raw = git(dir, ['log', '--raw', '--no-renames', '--no-abbrev', '--format=', range]);
  const oids = new Set();
  for (const line of raw.split('\n')) {
    const m = /^:\d+ (\d+) [0-9a-f]+ ([0-9a-f]+) ([A-Z])/.exec(line);
    if (m && m[3] !== 'D' && (m[1] === '100644' || m[1] === '100755')) oids.add(m[2]);
  }
  const sizes = git(dir, ['cat-file', '--batch-check=%(objectsize)'], { input: [...oids].join('\n') + '\n' });
  return {
    blobs: oids.size,
    bytes: sizes
      .trim()
      .split('\n')
      .reduce((n, s) => n + Number(s), 0),
  };
}
