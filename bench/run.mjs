#!/usr/bin/env node
/**
 * The benchmark (issue 7): secrets-guard's staged, --all and --range modes on real repositories and on a
 * deterministic synthetic one, side by side with the secretlint CLI (recommended preset) on the same files and
 * git grep / ripgrep as the floor. Prints Markdown tables, real repositories first: median, min and max wall time
 * over repeated runs after a warm-up, MB/s, peak RSS.
 *
 *   npm run build && node bench/run.mjs [--repos DIR,DIR] [--node-modules-corpus] [--sizes 10MB,100MB|none]
 *       [--runs 5] [--warmup 1] [--seed 1] [--json FILE] [--bin B]
 *
 * --repos measures clones of real repositories (each in a scratch clone under .bench/real/, never the original);
 * --node-modules-corpus adds 4,000 text files from this project's node_modules (bench/node-modules-corpus.mjs).
 * The synthetic sizes default to 10MB, or to none when real repositories are given.
 *
 * --bin measures another build's entry point, e.g. a copy of dist/ kept under .bench/ to compare before/after
 * (node resolves its packages from the project's node_modules as long as the copy is inside the project).
 *
 * Exit status: 0, or 1 when a command failed unexpectedly (secrets-guard exit 2, a crash), 2 on a harness error.
 */
import { cpus, release } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { buildDigest } from './lib/build-digest.mjs';
import { catFileCase, findTools, gitGrepCase, guardCase, nodeFloorCase, RANGE, rangeBlobs, ripgrepCase, secretlintCase, trackedPaths } from './lib/cases.mjs';
import { git } from './lib/git.mjs';
import { measureCase, rssMethod, summarise } from './lib/measure.mjs';
import { caseTable, memoryTable } from './lib/report.mjs';
import { formatSize } from './lib/size.mjs';
import { resetEdits, stageEdits } from './lib/staged-edit.mjs';
import { prepareRealRepo } from './lib/real-repo.mjs';
import { buildNodeModulesCorpus } from './node-modules-corpus.mjs';
import { buildSyntheticRepo, PROJECT_ROOT } from './synthetic-repo.mjs';

const log = (text) => process.stderr.write(`${text}\n`);
/**
 * Cases dominated by process start (the floor, the staged commit) take a fraction of a second: they get at least
 * this many runs, so that their medians stand against a noisy machine where a target is counted in milliseconds.
 */
const STARTUP_BOUND_RUNS = 21;

async function benchRepo(repo, tools, settings) {
  const { dir } = repo;
  const tracked = trackedPaths(dir);
  const rows = [];
  const measure = async (row, cmd) => {
    if (!cmd) return void rows.push({ ...row, note: row.note ?? 'tool not found' });
    const runs = row.startupBound ? Math.max(settings.runs, STARTUP_BOUND_RUNS) : settings.runs;
    log(`  ${row.label} (${settings.warmup} warm-up + ${runs} runs)`);
    const { samples, failure } = await measureCase(cmd, { ...settings, runs, okCodes: cmd.okCodes });
    if (failure) log(`    FAILED: exit ${failure.code ?? failure.signal}: ${failure.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    rows.push({ ...row, ...(failure ? { failure } : { stats: summarise(samples), exitCode: samples.at(-1).code }) });
  };
  await measure({ id: 'node-floor', label: '`node -e 0` (process start floor)', startupBound: true }, nodeFloorCase(tools, dir));
  const edit = stageEdits(dir, tracked);
  try {
    await measure(
      { id: 'guard-staged', label: '`check` (staged, 10 modified files)', bytes: edit.bytes, startupBound: true, peerId: 'secretlint-staged' },
      guardCase(tools, dir, ['check']),
    );
    await measure(
      { id: 'secretlint-staged', short: 'secretlint', label: 'secretlint, the same 10 files', bytes: edit.bytes, startupBound: true },
      tools.secretlint && secretlintCase(tools, dir, edit.paths),
    );
  } finally {
    resetEdits(dir);
  }
  await measure(
    { id: 'guard-all', label: '`check --all`', bytes: repo.bytes, peerId: 'secretlint-all', floorIds: ['ripgrep', 'cat-file'] },
    guardCase(tools, dir, ['check', '--all']),
  );
  const allCase = tools.secretlint && secretlintCase(tools, dir, tracked);
  const batchNote = allCase?.batches ? ` (${allCase.batches.length} invocations: file list split for ARG_MAX)` : '';
  await measure(
    { id: 'secretlint-all', short: 'secretlint', label: `secretlint, all ${tracked.length} tracked files${batchNote}`, bytes: repo.bytes },
    allCase,
  );
  // A repository of fewer commits (the node_modules corpus has one) has no such range.
  const range = repo.commits > 100 ? rangeBlobs(dir) : undefined;
  if (range)
    await measure(
      { id: 'guard-range', label: `\`check --range ${RANGE}\` (${range.blobs} blobs)`, bytes: range.bytes },
      guardCase(tools, dir, ['check', '--range', RANGE]),
    );
  await measure({ id: 'git-grep', label: '`git grep -E`, 3 patterns (floor)', bytes: repo.bytes }, gitGrepCase(dir));
  await measure({ id: 'ripgrep', short: 'rg', label: '`rg`, 3 patterns (floor)', bytes: repo.bytes }, tools.rg && ripgrepCase(dir));
  await measure(
    { id: 'cat-file', short: 'cat-file', label: '`git cat-file --batch`, every tracked blob (floor of reading the index)', bytes: repo.bytes },
    catFileCase(dir),
  );
  for (const id of ['guard-all', 'guard-range']) {
    const row = rows.find((r) => r.id === id);
    if (row?.exitCode === 0 && !repo.real) log(`  warning: ${row.label} exited 0: the planted secrets were not reported`);
  }
  return { repo: { ...repo, rangeBlobs: range }, rows };
}

function environment(tools, method) {
  const cpu = cpus();
  const version = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8' }).stdout?.split('\n')[0].trim() ?? 'n/a';
  const rules = spawnSync(tools.node, [tools.bin, '--list-rules'], { encoding: 'utf8' }).stdout.trim().split('\n').length;
  const commit = git(PROJECT_ROOT, ['rev-parse', '--short', 'HEAD']).trim();
  return {
    node: process.version,
    cpus: `${cpu.length} × ${cpu[0]?.model ?? 'unknown'}`,
    os: `${process.platform} ${release()}`,
    git: version('git', ['--version']),
    ripgrep: tools.rg ?? 'not installed',
    secretlint: tools.secretlint ? `secretlint ${tools.secretlint.version} (@secretlint/secretlint-rule-preset-recommend)` : 'not installed',
    secretsGuard: `${version(tools.node, [tools.bin, '--version'])}, ${rules} rules, build ${buildDigest(distRoot(tools))} (${tools.bin}; project HEAD ${commit})`,
    peakRss: method === 'gnu-time' ? 'GNU time %M (ru_maxrss of the largest process in the tree)' : 'node rss-probe (node processes only)',
  };
}

/** dist/ for dist/bundle/bin.js. */
const distRoot = (tools) => dirname(dirname(tools.bin));

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      size: { type: 'string' },
      runs: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      json: { type: 'string' },
      bin: { type: 'string' },
      repos: { type: 'string' },
      'node-modules-corpus': { type: 'boolean' },
    },
  });
  const realPaths = (values.repos ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const anyReal = realPaths.length > 0 || values['node-modules-corpus'];
  const sizes = (values.sizes ?? values.size ?? (anyReal ? 'none' : '10MB'))
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'none');
  const settings = { runs: Number(values.runs), warmup: Number(values.warmup), method: rssMethod() };
  if (!(settings.runs >= 1) || !(settings.warmup >= 0)) throw new Error('--runs must be ≥ 1 and --warmup ≥ 0');
  const tools = findTools(PROJECT_ROOT, values.bin && resolve(values.bin));
  const env = environment(tools, settings.method);
  const results = [];
  const cacheDir = join(PROJECT_ROOT, '.bench');
  if (values['node-modules-corpus']) {
    const corpus = buildNodeModulesCorpus({ cacheDir });
    realPaths.push(corpus.dir);
  }
  for (const path of realPaths) {
    const repo = prepareRealRepo(path, cacheDir);
    if (path.includes('node-modules-')) repo.name = `node_modules corpus (${repo.files} text files)`;
    log(`${repo.name}: ${repo.files} files, ${formatSize(repo.bytes)}, ${repo.commits} commits at ${repo.dir}`);
    results.push(await benchRepo(repo, tools, settings));
  }
  for (const size of sizes) {
    const started = performance.now();
    const repo = await buildSyntheticRepo({ size, seed: Number(values.seed) });
    log(
      `${size}: ${repo.files} files, ${formatSize(repo.bytes)} (${repo.cached ? 'cached' : `built in ${((performance.now() - started) / 1000).toFixed(1)} s`}) at ${repo.dir}`,
    );
    results.push(await benchRepo(repo, tools, settings));
  }
  const out = [
    '## Environment',
    '',
    ...Object.entries(env).map(([k, v]) => `- ${k}: ${v}`),
    `- runs: ${settings.runs} timed after ${settings.warmup} warm-up (at least ${STARTUP_BOUND_RUNS} for the start-up-bound cases), seed ${values.seed}`,
    '',
  ];
  for (const r of results) {
    const title = r.repo.real ? `${r.repo.name} at ${r.repo.head.slice(0, 12)}` : `${formatSize(r.repo.bytes)} synthetic repository`;
    const range = r.repo.rangeBlobs ? `, range ${r.repo.rangeBlobs.blobs} blobs / ${formatSize(r.repo.rangeBlobs.bytes)}` : '';
    out.push(
      `## ${title}: ${r.repo.files} files, ${formatSize(r.repo.bytes)}, ${r.repo.commits} commits, largest file ${formatSize(r.repo.largestFile.bytes)}${range}`,
      '',
      caseTable(r.rows),
      '',
    );
  }
  out.push('## Peak memory by repository size', '', memoryTable(results), '');
  const digestAfter = buildDigest(distRoot(tools));
  if (!env.secretsGuard.includes(`build ${digestAfter} `)) {
    out.push(`**Warning: the build changed during the run (now ${digestAfter}): these figures mix two builds.**`, '');
    log(`warning: ${distRoot(tools)} changed during the run; rerun, or measure a copy with --bin`);
  }
  process.stdout.write(out.join('\n'));
  if (values.json) {
    mkdirSync(dirname(values.json), { recursive: true });
    writeFileSync(values.json, JSON.stringify({ environment: env, settings, results }, null, 2) + '\n');
  }
  if (results.some((r) => r.rows.some((row) => row.failure))) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error.message}\n`);
  process.exitCode = 2;
});
