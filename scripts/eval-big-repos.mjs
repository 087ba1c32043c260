/**
 * Big-repository mode of `npm run eval` (issue 15): `check --all --format json` on clones of large public
 * repositories that commit no sops files and no real secrets (eval/big-repos.json: name, URL, pinned commit), and
 * their errors outside test fixtures (paths with a test, tests, testdata, fixtures or testing segment, *_test.* and
 * *.spec.* files) per MB of tracked text outside them, each judged by the file's verdicts (repo, path, rule) as true
 * (an example credential that looks real), false or unlabelled. Prints paths, lines, rule ids and verdicts only.
 * Target: false and unlabelled errors under 0.1 per MB outside test fixtures, in every repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guardFindings, table } from './eval-lib.mjs';
import { cloneDirName, verdictIndex } from './eval-real-repos.mjs';

const BIG_REPOS_FILE = 'eval/big-repos.json';
const TARGET_FALSE_PER_MB = 0.1;
export const TEST_PATH = /(?:^|\/)(?:test|tests|testdata|test-data|fixtures?|testing|__tests__)(?:\/|$)|[._-]test\.[a-z]+$|_test\.go$|\.spec\.[a-z]+$/i;

export function readBigRepos() {
  return JSON.parse(readFileSync(BIG_REPOS_FILE, 'utf8'));
}

/** The clones' directory: `--big-repos DIR`, else $SECRETS_GUARD_BIG_REPOS, else none. */
export function bigReposDir(argv, env = process.env) {
  const at = argv.indexOf('--big-repos');
  return at === -1 ? env.SECRETS_GUARD_BIG_REPOS : argv[at + 1];
}

/** Bytes of the tracked files, in all and outside test fixtures, and the errors outside them. */
export function measure(clone, bin) {
  const errors = guardFindings(bin, ['check', '--all'], { cwd: clone }).filter((f) => f.severity === 'error');
  const entries = git(clone, ['ls-files', '-s'])
    .trim()
    .split('\n')
    .map((l) => l.split(/\s+/))
    .map(([, oid, , path]) => ({ oid, path }));
  const sizes = execFileSync('git', ['cat-file', '--batch-check=%(objectsize)'], {
    cwd: clone,
    input: entries.map((e) => e.oid).join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  })
    .trim()
    .split('\n');
  let all = 0;
  let outside = 0;
  entries.forEach((e, i) => {
    const n = Number(sizes[i]) || 0;
    all += n;
    if (!TEST_PATH.test(e.path)) outside += n;
  });
  return { allMB: all / 1e6, outsideMB: outside / 1e6, errors, outsideErrors: errors.filter((f) => !TEST_PATH.test(f.path)) };
}

/** Runs the big-repository mode; returns false when a target is missed. */
export function evalBigRepos({ dir, bin, verbose }) {
  if (!dir || !existsSync(dir)) {
    console.log(`\nbig repositories: skipped (${dir ? `${dir} does not exist` : 'no clones given'}; pass --big-repos DIR or set SECRETS_GUARD_BIG_REPOS)`);
    return true;
  }
  const { repos, verdicts: byRepo } = readBigRepos();
  const verdicts = verdictIndex(byRepo);
  const rows = [];
  const listed = [];
  for (const repo of repos) {
    const clone = join(dir, cloneDirName(repo.name));
    const at = atPinnedCommit(clone, repo);
    if (at !== true) {
      console.log(`  ${repo.name}: skipped (${at})`);
      continue;
    }
    const m = measure(clone, bin);
    const counts = { true: 0, false: 0, unlabelled: 0 };
    for (const f of m.outsideErrors) {
      const verdict = verdicts.get(`${repo.name}\0${f.path}\0${f.ruleId}`);
      counts[verdict === undefined ? 'unlabelled' : String(verdict.verdict)]++;
      listed.push(`${repo.name} ${f.path}:${f.line} ${f.ruleId} (${verdict ? `${verdict.verdict}: ${verdict.reason}` : 'unlabelled'})`);
    }
    rows.push({ name: repo.name, ...m, ...counts });
  }
  const perMB = (n, r) => (n / r.outsideMB).toFixed(3);
  console.log(`\nbig repositories without secrets (${dir}): errors outside test fixtures, judged by ${BIG_REPOS_FILE}\n`);
  table(
    ['repository', 'MB', 'MB outside tests', 'errors', 'outside', 'true', 'false', 'unlabelled', 'false+unlabelled per MB'],
    rows.map((r) => [
      r.name,
      r.allMB.toFixed(1),
      r.outsideMB.toFixed(1),
      r.errors.length,
      r.outsideErrors.length,
      r.true,
      r.false,
      r.unlabelled,
      perMB(r.false + r.unlabelled, r),
    ]),
  );
  if (listed.length) console.log(verbose ? `\n${listed.join('\n')}` : '\nerrors outside test fixtures: --verbose lists them');
  const ok = rows.length > 0 && rows.every((r) => (r.false + r.unlabelled) / r.outsideMB < TARGET_FALSE_PER_MB);
  console.log(
    ok ? 'big-repository targets met' : `BIG-REPOSITORY TARGETS MISSED (false and unlabelled errors under ${TARGET_FALSE_PER_MB} per MB outside test fixtures)`,
  );
  return ok;
}

/** true, or why not: the clone is at the pinned commit, or one recorded local commit on top of it. */
function atPinnedCommit(clone, repo) {
  if (!existsSync(clone)) return 'no clone';
  const head = git(clone, ['rev-parse', 'HEAD']).trim();
  if (head === repo.commit) return true;
  const parent = repo.local_commit ? git(clone, ['rev-parse', 'HEAD^']).trim() : undefined;
  return parent === repo.commit ? true : `clone at ${head.slice(0, 12)}, pinned ${repo.commit.slice(0, 12)}`;
}

function git(cwd, args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
}
