/**
 * Real-repository mode of `npm run eval` (issue 14): `check --all --format json` on clones of public repositories
 * that commit sops files (eval/real-repos.json: name, URL, pinned commit; scripts/clone-real-repos.mjs makes the
 * clones), each error judged by eval/real-verdicts.json (repo, path, rule; line-insensitive) as true, false or
 * unlabelled, high-entropy warnings counted per 10,000 text lines (and those judged true), and every finding judged
 * true that no longer fires listed. Prints paths, lines, rule ids and verdicts only: never a message or a matched
 * value. Targets: no false or unlabelled error, no true finding lost, at most 0.5 entropy warnings per 10,000 text
 * lines over the corpus.
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
    console.log(
      `\nreal repositories: skipped (${dir ? `${dir} does not exist` : 'no clones given'}; pass --real-repos DIR or set SECRETS_GUARD_REAL_REPOS, after \`node scripts/clone-real-repos.mjs DIR\`)`,
    );
    return true;
  }
  const verdicts = verdictIndex(JSON.parse(readFileSync(VERDICTS_FILE, 'utf8')).verdicts);
  const rows = [];
  const listed = [];
  /** True verdicts whose finding no longer fires: a finding the tool had and lost. */
  const lost = [];
  for (const repo of readRealRepos()) {
    const clone = join(dir, cloneDirName(repo.name));
    const head = existsSync(clone) ? git(clone, ['rev-parse', 'HEAD']).trim() : undefined;
    if (head !== repo.commit) {
      console.log(`  ${repo.name}: skipped (${head ? `clone at ${head.slice(0, 12)}, pinned ${repo.commit.slice(0, 12)}` : 'no clone'})`);
      continue;
    }
    const judged = judge(repo.name, check(clone, bin), verdicts);
    listed.push(...judged.listed);
    lost.push(...judged.lost);
    rows.push({ name: repo.name, lines: textLines(clone), ...judged.counts });
  }
  const counts = ['lines', 'errors', 'true', 'false', 'unlabelled', 'entropy', 'entropyTrue'];
  const total = { name: `overall (${rows.length} repositories)`, ...Object.fromEntries(counts.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)])) };
  const per10k = (r) => (r.lines ? ((r.entropy / r.lines) * 10_000).toFixed(2) : '-');
  console.log(`\nreal repositories (${dir}): errors judged by ${VERDICTS_FILE}, ${ENTROPY_RULE} warnings per 10,000 text lines\n`);
  table(
    ['repository', 'text lines', 'errors', 'true', 'false', 'unlabelled', 'entropy', 'of them true', 'per 10k'],
    [...rows, total].map((r) => [r.name, r.lines, r.errors, r.true, r.false, r.unlabelled, r.entropy, r.entropyTrue, per10k(r)]),
  );
  if (listed.length) console.log(verbose ? `\n${listed.join('\n')}` : '\nfalse, unlabelled errors and entropy warnings: --verbose lists them');
  if (lost.length) console.log(`\ntrue findings that no longer fire: ${lost.length}\n  ${lost.join('\n  ')}`);
  const ok =
    rows.length > 0 && total.false === 0 && total.unlabelled === 0 && lost.length === 0 && total.entropy <= (total.lines / 10_000) * TARGET_ENTROPY_PER_10K;
  console.log(
    ok
      ? 'real-repository targets met'
      : `REAL-REPOSITORY TARGETS MISSED (no false or unlabelled error, no true finding lost, <= ${TARGET_ENTROPY_PER_10K} entropy warnings per 10,000 text lines)`,
  );
  return ok;
}

/**
 * One repository's findings against the verdicts: counts of errors (true, false, unlabelled) and entropy warnings
 * (and those judged true), the lines to list, and the true verdicts whose finding no longer fires.
 */
export function judge(repo, findings, verdicts) {
  const counts = { errors: 0, true: 0, false: 0, unlabelled: 0, entropy: 0, entropyTrue: 0 };
  const listed = [];
  const fired = new Set();
  for (const f of findings) {
    const key = verdictKey(repo, f.path, f.ruleId);
    fired.add(key);
    if (isDetector(f.ruleId) && f.severity === 'error') fired.add(verdictKey(repo, f.path, ANY_DETECTOR));
    const verdict = verdicts.get(key);
    const said = verdict ? `${verdict.verdict}: ${verdict.reason}` : 'unlabelled';
    if (f.ruleId === ENTROPY_RULE) {
      counts.entropy++;
      if (verdict?.verdict) counts.entropyTrue++;
      listed.push(`${repo} ${f.path}:${f.line} ${f.ruleId} (warning, ${said})`);
    }
    if (f.severity !== 'error') continue;
    counts.errors++;
    counts[verdict === undefined ? 'unlabelled' : String(verdict.verdict)]++;
    if (!verdict?.verdict) listed.push(`${repo} ${f.path}:${f.line} ${f.ruleId} (${said})`);
  }
  const lost = [...verdicts]
    .filter(([key, v]) => v.verdict && key.startsWith(`${repo}\0`) && !stillReported(key, fired))
    .map(([key]) => key.split('\0').join(' '));
  return { counts, listed, lost };
}

/** Verdicts are kept grouped (one reason, many paths); the index maps each repo, path and rule to its verdict. */
export function verdictIndex(byRepo) {
  const index = new Map();
  for (const [repo, groups] of Object.entries(byRepo)) {
    for (const { rule, verdict, reason, paths } of groups) {
      for (const path of paths) index.set(verdictKey(repo, path, rule), { verdict, reason });
    }
  }
  return index;
}

/**
 * One secret, one finding: when a specific detector reports a secret, the generic ones (generic-credential,
 * high-entropy-string) yield to it. A true finding of a secret detector is kept while a secret detector's error
 * still reports its file (a warning does not block, so it keeps no error); sops integrity findings only by their own rule.
 */
const ANY_DETECTOR = '*';
const isDetector = (ruleId) => !ruleId.startsWith('sops-') && ruleId !== 'decrypted-twin';
function stillReported(key, fired) {
  if (fired.has(key)) return true;
  const [repo, path, rule] = key.split('\0');
  return isDetector(rule) && fired.has(verdictKey(repo, path, ANY_DETECTOR));
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
