/**
 * Runs one command and measures it: wall time from spawn to exit (so process start is included), and peak RSS.
 * Peak RSS comes from GNU time (`/usr/bin/time -f %M`, Debian package `time`): the ru_maxrss that wait4 returns
 * for the child, i.e. the largest resident set of any single process in the child's tree (node, or a git it ran),
 * not their sum. Without GNU time, node commands get the rss-probe (node's own peak) and others none.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const PROBE = fileURLToPath(new URL('./rss-probe.mjs', import.meta.url));
const STDERR_TAIL = 4000;

/** 'gnu-time' when /usr/bin/time is GNU time and works, else 'node-probe'. BENCH_RSS=probe forces the probe. */
export function rssMethod() {
  if (process.env.BENCH_RSS === 'probe') return 'node-probe';
  const r = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /^\d+\s*$/.test(r.stderr) ? 'gnu-time' : 'node-probe';
}

const scratch = mkdtempSync(join(tmpdir(), 'sg-bench-rss-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;

/**
 * @param {{ command: string, args: string[], cwd: string, env: object, isNode?: boolean }} cmd
 * @returns {Promise<{ seconds: number, rssKiB: number | null, code: number | null, signal: string | null, stderr: string }>}
 */
async function measureOnce(cmd, method) {
  const rssFile = join(scratch, `rss-${counter++}`);
  let command = cmd.command;
  let args = cmd.args;
  let env = cmd.env;
  if (method === 'gnu-time') {
    args = ['-f', '%M', '-o', rssFile, command, ...args];
    command = GNU_TIME;
  } else if (cmd.isNode) {
    args = ['--import', PROBE, ...args];
    env = { ...env, BENCH_RSS_FILE: rssFile };
  }
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { cwd: cmd.cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-STDERR_TAIL)));
  const [code, signal] = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, s) => resolve([c, s]));
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, rssKiB: readRss(rssFile), code, signal, stderr };
}

/** GNU time writes "Command exited with non-zero status N" before the figure when the command fails. */
function readRss(file) {
  try {
    const last = readFileSync(file, 'utf8').trim().split('\n').pop();
    return /^\d+$/.test(last) ? Number(last) : null;
  } catch {
    return null;
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * One timed run of a case. A case with `batches` (a file list too long for one command line) runs them one after
 * the other: times add up, peak RSS is the largest, the status is the first unexpected one (or the highest).
 */
async function measureRun(cmd, method, okCodes) {
  if (!cmd.batches) return measureOnce(cmd, method);
  const total = { seconds: 0, rssKiB: null, code: 0, signal: null, stderr: '' };
  for (const args of cmd.batches) {
    const part = await measureOnce({ ...cmd, args }, method);
    if (!okCodes.includes(part.code)) return part;
    total.seconds += part.seconds;
    total.code = Math.max(total.code, part.code);
    if (part.rssKiB !== null) total.rssKiB = Math.max(total.rssKiB ?? 0, part.rssKiB);
  }
  return total;
}

/** Runs `warmup` unrecorded then `runs` recorded; stops at the first unexpected exit status. */
export async function measureCase(cmd, { runs, warmup, method, okCodes }) {
  const samples = [];
  for (let i = 0; i < warmup + runs; i++) {
    const sample = await measureRun(cmd, method, okCodes);
    if (!okCodes.includes(sample.code)) return { samples, failure: sample };
    if (i >= warmup) samples.push(sample);
  }
  return { samples, exitCode: samples.at(-1)?.code ?? null };
}

export function summarise(samples) {
  const times = samples.map((s) => s.seconds).sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  const rss = samples.map((s) => s.rssKiB).filter((r) => r !== null);
  return { median, min: times[0], max: times.at(-1), peakRssKiB: rss.length ? Math.max(...rss) : null, runs: samples.length };
}
