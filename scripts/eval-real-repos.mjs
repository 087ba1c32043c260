/**
 * Real-repository mode of `npm run eval` (issue 14): `check --all --format json` on clones of public repositories
 * that commit sops files (eval/real-repos.json: name, URL, pinned commit; scripts/clone-real-repos.mjs makes the
 * clones), each error judged by eval/real-verdicts.json (repo, path, rule; line-insensitive) as true, false or
 * unlabelled, and high-entropy warnings counted per 10,000 text lines. Prints paths, lines and rule ids only:
 * never a message or a matched value. Targets: no false or unlabelled error, at most 0.5 entropy warnings per
 * 10,000 text lines over the corpus.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { guardFindings, table } from './eval-lib.mjs';

const REPOS_FILE = 'eval/real-repos.json';
const VERDICTS_FILE = 'eval/real-verdicts.json';
const ENTROPY_RULE = 'high-entropy-string';
const TARGET_ENTROPY_PER_10K = 0.5;

/** The clones' directory: `--real-repos DIR`, else $SECRETS_GUARD_REAL_REPOS, else none. */
export function realReposDir(argv, env = process.env) {
  const at = argv.indexOf('--real-repos');
  const dir = at === -1 ? env.SECRETS_GUARD_REAL_REPOS : argv[at + 1];
  return dir ? resolve(dir) : undefined;
}

/** Where a repository's clone lives under the clones' directory: `owner/name` becomes `owner+name`. */
export const cloneDirName = (name) => name.replace('/', '+');

export function readRealRepos() {
  return JSON.parse(readFileSync(REPOS_FILE, 'utf8')).repos;
}

/** Runs the real-repository mode; returns false when a target is missed. */
export function evalRealRepos({ dir, bin, verbose }) {
  if (!dir || !existsSync(dir)) {
    console.log(`\nreal repositories: skipped (${dir ? `${dir} does not exist` : 'no clones given'}; pass --real-repos DIR or set SECRETS_GUARD_REAL_REPOS, after \`node scripts/clone-real-repos.mjs DIR\`)`);
    return true;
  }
  const verdicts = verdictIndex(JSON.parse(readFileSync(VERDICTS_FILE, 'utf8')).verdicts);
  const rows = [];
  const listed = [];
  for (const repo of readRealRepos()) {
    const clone = join(dir, cloneDirName(repo.name));
    const head = existsSync(clone) ? git(clone, ['rev-parse', 'HEAD']).trim() : undefined;
    if (head !== repo.commit) {
      console.log(`  ${repo.name}: skipped (${head ? `clone at ${head.slice(0, 12)}, pinned ${repo.commit.slice(0, 12)}` : 'no clone'})`);
      continue;
    }
    const findings = check(clone, bin);
    const lines = textLines(clone);
    const row = { name: repo.name, lines, errors: 0, true: 0, false: 0, unlabelled: 0, entropy: 0 };
    for (const f of findings) {
      if (f.ruleId === ENTROPY_RULE) {
        row.entropy++;
        listed.push(`${repo.name} ${f.path}:${f.line} ${f.ruleId} (warning)`);
      }
      if (f.severity !== 'error') continue;
      row.errors++;
      const verdict = verdicts.get(verdictKey(repo.name, f.path, f.ruleId));
      const label = verdict === undefined ? 'unlabelled' : verdict.verdict ? 'true' : 'false';
      row[label]++;
      if (label !== 'true') listed.push(`${repo.name} ${f.path}:${f.line} ${f.ruleId} (${label}${verdict ? `: ${verdict.reason}` : ''})`);
    }
    rows.push(row);
  }
  const total = rows.reduce((t, r) => ({ ...t, lines: t.lines + r.lines, errors: t.errors + r.errors, true: t.true + r.true, false: t.false + r.false, unlabelled: t.unlabelled + r.unlabelled, entropy: t.entropy + r.entropy }), { name: `overall (${rows.length} repositories)`, lines: 0, errors: 0, true: 0, false: 0, unlabelled: 0, entropy: 0 });
  const per10k = (r) => (r.lines ? ((r.entropy / r.lines) * 10_000).toFixed(2) : '-');
  console.log(`\nreal repositories (${dir}): errors judged by ${VERDICTS_FILE}, ${ENTROPY_RULE} warnings per 10,000 text lines\n`);
  table(['repository', 'text lines', 'errors', 'true', 'false', 'unlabelled', 'entropy', 'per 10k'], [...rows, total].map((r) => [r.name, r.lines, r.errors, r.true, r.false, r.unlabelled, r.entropy, per10k(r)]));
  if (listed.length) console.log(verbose ? `\n${listed.join('\n')}` : '\nfalse, unlabelled errors and entropy warnings: --verbose lists them');
  const ok = rows.length > 0 && total.false === 0 && total.unlabelled === 0 && total.entropy <= (total.lines / 10_000) * TARGET_ENTROPY_PER_10K;
  console.log(ok ? 'real-repository targets met' : `REAL-REPOSITORY TARGETS MISSED (no false or unlabelled error, <= ${TARGET_ENTROPY_PER_10K} entropy warnings per 10,000 text lines)`);
  return ok;
}

/** Verdicts are kept grouped (one reason, many paths); the index maps each repo, path and rule to its verdict. */
function verdictIndex(byRepo) {
  const index = new Map();
  for (const [repo, groups] of Object.entries(byRepo)) {
    for (const { rule, verdict, reason, paths } of groups) {
      for (const path of paths) index.set(verdictKey(repo, path, rule), { verdict, reason });
    }
  }
  return index;
}

const verdictKey = (repo, path, rule) => `${repo}\0${path}\0${rule}`;

function check(clone, bin) {
  // The caller's age identities would turn on MAC verification and make runs differ from machine to machine.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SOPS_AGE_KEY')));
  return guardFindings(bin, ['check', '--all'], { cwd: clone, env });
}

/** Lines of the tracked text files (git's own binary test), in one `git grep` over the work tree. */
function textLines(clone) {
  let out;
  try {
    out = git(clone, ['grep', '-I', '-c', '-z', '-e', '', '--', '.']);
  } catch (error) {
    if (error.status === 1) return 0; // no text file
    throw error;
  }
  let lines = 0;
  for (const entry of out.split('\n')) {
    const nul = entry.lastIndexOf('\0');
    if (nul !== -1) lines += Number(entry.slice(nul + 1));
  }
  return lines;
}

function git(cwd, args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
}
