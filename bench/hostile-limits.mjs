#!/usr/bin/env node
/**
 * Times the resource-limit cases of the hostile suite (test/hostile/) with real repositories, for before/after
 * comparisons; tests never assert timings. Each case runs the CLI once, under a time limit (GNU time gives the
 * CPU time):
 * - path-regex N: a `.sops.yaml` path_regex of `a?` x N then `a` x N, and a staged file named `a` x N;
 * - encrypted-regex N: the same pattern as a sops file's own `encrypted_regex`, over a key `a` x N;
 * - many-rules R: a `.sops.yaml` of R creation rules, none matching the 200 staged files (each file asks them all).
 * - detector texts: each of test/helpers/hostile-texts.ts's megabyte lines built to make a detector backtrack, as a
 *   staged file (read with Node's type stripping, as bin/build-from-sources.js does).
 * - many findings N: one line of N AWS key ids, and one of N `password=<value>` assignments: each gives N findings,
 *   which the engine's filters (once-per-secret, allow markers, ciphertext spans) must handle in near-linear time.
 *
 *   npm run build && node bench/hostile-limits.mjs [--bin B] [--timeout 120] [--sizes 20,22,24,26,50] [--rules 900,1100] [--findings 8000,50000]
 *
 * --bin measures another build's entry point (a copy of dist/bundle kept inside the project, so that node
 * resolves its packages from the project's node_modules).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { HOSTILE_DETECTOR_TEXTS } from '../test/helpers/hostile-texts.ts';
import { git, isolatedEnv } from './lib/git.mjs';

const AGE = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';
const ENC = `ENC[AES256_GCM,data:QUJD,iv:${'A'.repeat(43)}=,tag:${'A'.repeat(22)}==,type:str]`;
const FILES_FOR_RULES = 200;

const { values } = parseArgs({
  options: {
    bin: { type: 'string', default: 'dist/bundle/bin.js' },
    timeout: { type: 'string', default: '120' },
    sizes: { type: 'string', default: '20,22,24,26,50' },
    rules: { type: 'string', default: '900,1100' },
    findings: { type: 'string', default: '8000,50000' },
  },
});
const bin = resolve(values.bin);
/** timeout's status when it had to send KILL (128 + 9). */
const KILLED = 137;

function repoWith(files) {
  const dir = mkdtempSync(join(tmpdir(), 'sg-hostile-bench-'));
  git(dir, ['init', '-q', '--initial-branch', 'main']);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(dir, ['add', '-A']);
  return dir;
}

/**
 * Wall time, and CPU time (user + system, from GNU time) which a busy machine disturbs less. coreutils' timeout
 * kills the CLI itself at the limit (killing only a wrapper would leave it running).
 */
function timeCheck(label, files) {
  const dir = repoWith(files);
  const times = join(dir, '.git', 'time.txt');
  try {
    const start = performance.now();
    const command = ['-o', times, '-f', '%U %S', 'timeout', '-s', 'KILL', values.timeout, process.execPath, bin, 'check', '--quiet'];
    const run = spawnSync('/usr/bin/time', command, { cwd: dir, env: isolatedEnv(), stdio: 'ignore' });
    const seconds = (performance.now() - start) / 1000;
    const [user, system] = readFileSync(times, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
    const result = run.status === KILLED ? `stopped at the ${values.timeout} s limit` : `exit ${run.status}`;
    console.log(`| ${label} | ${seconds.toFixed(2)} s | ${(user + system).toFixed(2)} s | ${result} |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hostile = (n) => 'a?'.repeat(n) + 'a'.repeat(n);
const sizes = values.sizes.split(',').map(Number);
console.log(`${bin}\n\n| case | wall time | CPU time | result |\n| --- | --- | --- | --- |`);
for (const n of sizes) {
  timeCheck(`path-regex ${n}`, {
    '.sops.yaml': `creation_rules:\n  - path_regex: '${hostile(n)}'\n    age: ${AGE}\n`,
    ['a'.repeat(n)]: 'password: not-encrypted\n',
  });
}
for (const n of sizes) {
  const metadata = [
    'sops:',
    '  age:',
    `    - recipient: ${AGE}`,
    '      enc: |',
    '        -----BEGIN AGE ENCRYPTED FILE-----',
    '        YWdl',
    '        -----END AGE ENCRYPTED FILE-----',
    '  lastmodified: "2025-01-01T00:00:00Z"',
    `  mac: ${ENC}`,
    `  encrypted_regex: '${hostile(n)}'`,
    '  version: 3.10.2',
    '',
  ];
  timeCheck(`encrypted-regex ${n}`, { 'app/secret.yaml': `${'a'.repeat(n)}: not-encrypted\nother: ${ENC}\n${metadata.join('\n')}` });
}
for (const count of values.rules.split(',').map(Number)) {
  const rules = Array.from({ length: count }, (_, i) => `  - path_regex: '^team-${i}/.*\\.yaml$'\n    age: ${AGE}\n`).join('');
  const files = Object.fromEntries(Array.from({ length: FILES_FOR_RULES }, (_, i) => [`apps/app-${i}/values.yaml`, `replicas: ${i}\n`]));
  timeCheck(`many-rules ${count} (${FILES_FOR_RULES} files)`, { '.sops.yaml': `creation_rules:\n${rules}`, ...files });
}
for (const n of values.findings.split(',').map(Number)) {
  // secrets-guard-allow: AWS's documented example id, changed in its last letter, as the flood under test
  timeCheck(`many findings ${n}: AWS key ids`, { 'hostile.yaml': 'AKIAIOSFODNN7EXAMPLF '.repeat(n) });
  timeCheck(`many findings ${n}: passwords`, { 'hostile.yaml': Array.from({ length: n }, (_, i) => `password=hunter2-real${i}`).join(' ') });
}
for (const [name, text] of Object.entries(HOSTILE_DETECTOR_TEXTS)) timeCheck(`detector text: ${name}`, { 'hostile.yaml': text });
