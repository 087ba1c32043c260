#!/usr/bin/env node
/**
 * Clones the real-repository corpus of `npm run eval` (eval/real-repos.json) into DIR, each at its pinned commit
 * (a shallow fetch of that commit), as DIR/<owner>+<name>. A clone already at its commit is left alone. Needs the
 * network; the eval itself does not.
 *
 *   node scripts/clone-real-repos.mjs DIR && npm run eval -- --real-repos DIR
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cloneDirName, readRealRepos } from './eval-real-repos.mjs';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/clone-real-repos.mjs DIR');
  process.exit(2);
}
const git = (cwd, args) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();

for (const repo of readRealRepos()) {
  const clone = join(resolve(dir), cloneDirName(repo.name));
  if (existsSync(join(clone, '.git')) && git(clone, ['rev-parse', 'HEAD']) === repo.commit) {
    console.log(`${repo.name}: at ${repo.commit.slice(0, 12)}`);
    continue;
  }
  mkdirSync(clone, { recursive: true });
  git(clone, ['init', '--quiet']);
  git(clone, ['fetch', '--quiet', '--depth', '1', repo.url, repo.commit]);
  git(clone, ['-c', 'advice.detachedHead=false', 'checkout', '--quiet', '--detach', 'FETCH_HEAD']);
  console.log(`${repo.name}: cloned at ${repo.commit.slice(0, 12)}`);
}
