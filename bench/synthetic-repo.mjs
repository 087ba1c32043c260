#!/usr/bin/env node
/**
 * Builds a deterministic synthetic git repository for the benchmark: same (size, seed) → byte-identical files and
 * identical commit ids. Source (TS/JS/Python/Go), YAML/JSON config, Kubernetes manifests, Terraform, lockfiles,
 * Markdown, a few real sops files and planted fake secrets, committed over 101 commits (a root commit, then 100).
 * Built repositories are cached under .bench/repos/ by (size, seed, generator version, sops fixtures).
 *
 *   node bench/synthetic-repo.mjs --size 10MB [--seed 1] [--dir DIR] [--force] [--json]
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fullContent, prefixContent } from './lib/content.mjs';
import { fixedFiles, fixturesDigest, sopsFixtures } from './lib/fixed-files.mjs';
import { git, openFastImport } from './lib/git.mjs';
import { HISTORY_COMMITS, planFiles } from './lib/plan.mjs';
import { createRandom, deriveSeed } from './lib/prng.mjs';
import { formatSize, parseSize } from './lib/size.mjs';
import { sentence } from './lib/words.mjs';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Bump when generation changes, so cached repositories are rebuilt. */
export const GENERATOR_VERSION = 3;

/**
 * @param {{ size: string | number, seed?: number, dir?: string, cacheDir?: string, force?: boolean }} options
 *   `dir`: build exactly there, no cache (must not exist yet).
 * @returns {Promise<object>} the manifest: dir, head, commits, files, bytes, largestFile, planted, sopsFiles
 */
export async function buildSyntheticRepo(options) {
  const targetBytes = typeof options.size === 'number' ? options.size : parseSize(options.size);
  const seed = options.seed ?? 1;
  const fixtures = sopsFixtures(PROJECT_ROOT);
  if (options.dir) return build(resolve(options.dir), targetBytes, seed, fixtures);
  const reposDir = join(options.cacheDir ?? join(PROJECT_ROOT, '.bench'), 'repos');
  const key = `size${targetBytes}-seed${seed}-g${GENERATOR_VERSION}-${fixturesDigest(fixtures)}`;
  const finalDir = join(reposDir, key);
  const manifestPath = `${finalDir}.json`;
  if (!options.force && existsSync(manifestPath) && existsSync(finalDir)) {
    // A cached repository may hold an interrupted run's staged edits: back to the committed state.
    git(finalDir, ['reset', '-q', '--hard', 'HEAD']);
    git(finalDir, ['clean', '-q', '-fdx']);
    return { ...JSON.parse(readFileSync(manifestPath, 'utf8')), dir: finalDir, cached: true };
  }
  rmSync(manifestPath, { force: true });
  rmSync(finalDir, { recursive: true, force: true });
  const tmpDir = join(reposDir, `.tmp-${key}-${process.pid}`);
  rmSync(tmpDir, { recursive: true, force: true });
  try {
    const manifest = await build(tmpDir, targetBytes, seed, fixtures);
    renameSync(tmpDir, finalDir);
    const final = { ...manifest, dir: finalDir };
    writeFileSync(manifestPath, JSON.stringify(final, null, 2) + '\n');
    return { ...final, cached: false };
  } catch (error) {
    rmSync(tmpDir, { recursive: true, force: true });
    throw error;
  }
}

async function build(dir, targetBytes, seed, fixtures) {
  if (existsSync(dir)) throw new Error(`${dir} already exists`);
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '--initial-branch', 'main']);
  const fixed = fixedFiles(seed, fixtures);
  const fixedBytes = fixed.reduce((n, f) => n + f.bytes.length, 0);
  const generated = planFiles(targetBytes, seed, fixedBytes);
  const byCommit = Array.from({ length: HISTORY_COMMITS + 1 }, () => []);
  for (const f of fixed) byCommit[f.commit].push({ path: f.path, bytes: () => f.bytes });
  for (const f of generated) {
    byCommit[f.commit].push({ path: f.path, bytes: () => Buffer.from(f.completedIn ? prefixContent(fullContent(f, seed)) : fullContent(f, seed)) });
    if (f.completedIn) byCommit[f.completedIn].push({ path: f.path, bytes: () => Buffer.from(fullContent(f, seed)) });
  }
  const sizes = new Map(fixed.map((f) => [f.path, f.bytes.length]));
  const importer = openFastImport(dir);
  try {
    for (let k = 0; k <= HISTORY_COMMITS; k++) {
      const message = k === 0 ? 'Initial layout\n' : `${sentence(createRandom(deriveSeed(seed, 0xc0111170 + k)), 3, 9)}\n`;
      const files = byCommit[k].map((f) => ({ path: f.path, bytes: f.bytes() }));
      for (const f of files) sizes.set(f.path, f.bytes.length);
      await importer.commit(k, message, files);
    }
  } finally {
    await importer.close();
  }
  git(dir, ['reset', '-q', '--hard', 'main']);
  let largestFile = { path: '', bytes: 0 };
  for (const [path, bytes] of sizes) if (bytes > largestFile.bytes) largestFile = { path, bytes };
  return {
    dir,
    seed,
    targetBytes,
    head: git(dir, ['rev-parse', 'HEAD']).trim(),
    commits: HISTORY_COMMITS + 1,
    files: sizes.size,
    bytes: [...sizes.values()].reduce((a, b) => a + b, 0),
    largestFile,
    planted: fixed.filter((f) => f.planted).map((f) => ({ path: f.path, kinds: f.planted })),
    sopsFiles: fixtures.map((f) => f.path),
    generatorVersion: GENERATOR_VERSION,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '10MB' },
      seed: { type: 'string', default: '1' },
      dir: { type: 'string' },
      'cache-dir': { type: 'string' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const started = performance.now();
  const manifest = await buildSyntheticRepo({
    size: values.size,
    seed: Number(values.seed),
    ...(values.dir ? { dir: values.dir } : {}),
    ...(values['cache-dir'] ? { cacheDir: values['cache-dir'] } : {}),
    force: values.force,
  });
  if (values.json) return void process.stdout.write(JSON.stringify(manifest) + '\n');
  const how = manifest.cached ? 'cached' : `built in ${((performance.now() - started) / 1000).toFixed(1)} s`;
  process.stdout.write(
    `${manifest.dir}\n  ${manifest.files} files, ${formatSize(manifest.bytes)}, ${manifest.commits} commits, HEAD ${manifest.head} (${how})\n`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`synthetic-repo: ${error.message}\n`);
    process.exitCode = 2;
  });
}
