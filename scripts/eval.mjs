#!/usr/bin/env node
/**
 * Detection quality on the labelled corpus (eval/corpus, built by eval/generate-corpus.mjs): precision and recall
 * per rule family and overall, and false positives per 10,000 negative lines. Runs the built tool (npm run build
 * first): the CLI's paths mode on a copy of the corpus outside the repository (so the project's own ignore globs
 * and config do not apply), or, when the registry does not list the detectors yet or with --direct, every rule in
 * dist/rules through the engine's runRule (no ciphertext-span filter then).
 * A finding in a positive file of a family its label does not name is "incidental" (the file does hold a
 * secret), not a false positive. Prints paths, lines and rule ids only: never a message or a matched value.
 * Then the real-repository mode (scripts/eval-real-repos.mjs) on clones given by --real-repos DIR or
 * $SECRETS_GUARD_REAL_REPOS, skipped with a message when there are none (CI has no network to make them).
 * Then the big-repository mode (scripts/eval-big-repos.mjs) on clones of eval/big-repos.json given by --big-repos DIR
 * or $SECRETS_GUARD_BIG_REPOS: errors per MB outside test fixtures on large repositories without secrets.
 * Exit 1 when a target is missed (recall >= 0.95, <= 1 FP per 10,000 negative lines; the real- and big-repository
 * targets). Flags: --direct, --verbose, --dist DIR, --real-repos DIR, --big-repos DIR.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { guardFindings, table } from './eval-lib.mjs';
import { bigReposDir, evalBigRepos } from './eval-big-repos.mjs';
import { evalRealRepos, realReposDir } from './eval-real-repos.mjs';

const CORPUS = 'eval/corpus';
const TARGET_RECALL = 0.95;
const TARGET_FP_PER_10K = 1;
/** The detectors of issue 15, each with its own rows of positives (eval/generate-detection-corpus.mjs). */
const DETECTION_CATEGORIES = ['generic-credential', 'token-formats', 'url-credentials', 'jwt', 'private-key', 'azure-storage', 'kubernetes-secret'];
/**
 * One finding per secret: the engine drops the fallback detectors' findings in a file a whole-file error covers
 * (src/engine/once-per-secret.ts). Such a file's secrets are reported, by the whole-file rule: a positive of a
 * fallback family counts as detected there.
 */
const FALLBACK_FAMILIES = new Set(['generic-credential', 'url-credentials', 'high-entropy-string']);
const WHOLE_FILE_ERRORS = new Set(['plaintext-env-file']);
const argv = process.argv.slice(2);
const args = new Set(argv);
/** `--dist DIR`: another build output (default dist). */
const DIST = argv.includes('--dist') ? argv[argv.indexOf('--dist') + 1] : 'dist';

if (!existsSync(join(DIST, 'src/engine/run-rule.js'))) {
  console.error('eval: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const labels = JSON.parse(readFileSync(join(CORPUS, 'labels.json'), 'utf8')).positives;
const files = walk(CORPUS).filter((f) => f !== 'labels.json');
const registry = (await import(pathToFileURL(join(DIST, 'rules/index.js')).href)).rules.map((r) => r.meta.id);
const useCli = !args.has('--direct') && existsSync(join(DIST, 'src/bin.js')) && ['secretlint', 'high-entropy-string'].every((id) => registry.includes(id));
const allFindings = useCli ? findingsFromCli(files) : await findingsFromRules(files);
/** sops integrity rules (a missing MAC, an unencrypted sops file) judge sops files, not secrets: out of scope here. */
const findings = allFindings.filter((f) => !f.ruleId.startsWith('sops-'));
const outOfScope = allFindings.length - findings.length;
if (outOfScope) console.log(`not evaluated: ${outOfScope} finding(s) of sops integrity rules`);
report(findings);
const realOk = evalRealRepos({ dir: realReposDir(argv), bin: resolve(DIST, 'src/bin.js'), verbose: args.has('--verbose') });
const bigDir = bigReposDir(argv);
const bigOk = evalBigRepos({ dir: bigDir && resolve(bigDir), bin: resolve(DIST, 'src/bin.js'), verbose: args.has('--verbose') });
if (!realOk || !bigOk) process.exitCode = 1;

function walk(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => String(f))
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split('\\').join('/'))
    .sort();
}

function findingsFromCli(paths) {
  const work = mkdtempSync(join(tmpdir(), 'sg-eval-'));
  try {
    cpSync(CORPUS, work, { recursive: true });
    const found = guardFindings(join(process.cwd(), DIST, 'src/bin.js'), ['check', ...paths], { cwd: work });
    console.log(`mode: CLI paths mode (node ${DIST}/src/bin.js check --format json), ${paths.length} files`);
    return found.map((f) => ({ ruleId: f.ruleId, path: relative(work, join(work, f.path)).split('\\').join('/'), line: f.line }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function findingsFromRules(paths) {
  const { runRule } = await import(pathToFileURL(join(DIST, 'src/engine/run-rule.js')).href);
  const rules = [];
  for (const f of readdirSync(join(DIST, 'rules')).filter((name) => name.endsWith('.js') && name !== 'index.js')) {
    const { rule } = await import(pathToFileURL(join(DIST, 'rules', f)).href);
    if (rule?.meta?.id) rules.push(rule);
  }
  console.log(`mode: runRule on ${rules.length} rules from ${DIST}/rules (${rules.map((r) => r.meta.id).join(', ')}), ${paths.length} files`);
  const all = new Set(paths);
  const project = { hasPath: (p) => all.has(p), sopsRuleFor: () => undefined, ageIdentities: async () => [], recordVerification() {} };
  const found = [];
  for (const path of paths) {
    const content = readFileSync(join(CORPUS, path), 'utf8');
    for (const rule of rules) {
      const options = rule.defaultOptions;
      if (rule.appliesTo && !rule.appliesTo(path, options)) continue;
      try {
        const fs = await runRule({ rule, source: { path, content, origin: 'disk' }, options, severity: rule.meta.defaultSeverity, project, salt: 'eval' });
        for (const f of fs) found.push({ ruleId: f.ruleId, path, line: f.line });
      } catch (error) {
        console.log(`  ! ${rule.meta.id} threw on ${path}: ${error.name}`);
      }
    }
  }
  return found;
}

function report(found) {
  const negatives = files.filter((f) => !labels[f]);
  const negativeLines = negatives.reduce((n, f) => n + lineCount(readFileSync(join(CORPUS, f), 'utf8')), 0);
  const families = [...new Set([...Object.values(labels).flat(), ...found.map((f) => f.ruleId)])].sort();
  const byFamily = new Map(families.map((fam) => [fam, { labelled: 0, detected: 0, tp: 0, fp: 0, incidental: 0 }]));
  for (const [path, expected] of Object.entries(labels)) {
    for (const fam of expected) {
      const s = byFamily.get(fam);
      s.labelled++;
      if (detects(found, path, fam)) s.detected++;
    }
  }
  const falsePositives = [];
  for (const f of found) {
    const s = byFamily.get(f.ruleId);
    const expected = labels[f.path];
    if (!expected) {
      s.fp++;
      falsePositives.push(f);
    } else if (expected.includes(f.ruleId)) s.tp++;
    else s.incidental++;
  }
  const row = (name, s) => [name, s.labelled, s.detected, ratio(s.detected, s.labelled), s.tp, s.fp, s.incidental, ratio(s.tp, s.tp + s.fp)];
  const rows = [...byFamily].map(([fam, s]) => row(fam, s));
  const top = new Map();
  for (const [fam, s] of byFamily) {
    const t = top.get(fam.split('/')[0]) ?? { labelled: 0, detected: 0, tp: 0, fp: 0, incidental: 0 };
    for (const k of Object.keys(t)) t[k] += s[k];
    top.set(fam.split('/')[0], t);
  }
  const topRows = [...top].map(([fam, s]) => row(fam + ' (all)', s));
  const total = [...byFamily.values()].reduce(
    (t, s) => ({ labelled: t.labelled + s.labelled, detected: t.detected + s.detected, tp: t.tp + s.tp, fp: t.fp + s.fp }),
    { labelled: 0, detected: 0, tp: 0, fp: 0 },
  );
  const recall = total.detected / total.labelled;
  const fpPer10k = (total.fp / negativeLines) * 10_000;
  console.log(`positives: ${Object.keys(labels).length} files; negatives: ${negatives.length} files, ${negativeLines} lines\n`);
  const withSubRules = new Set(families.filter((f) => f.includes('/')).map((f) => f.split('/')[0]));
  table(
    ['family', 'labelled', 'detected', 'recall', 'TP', 'FP', 'incidental', 'precision'],
    [...rows, ...topRows.filter(([f]) => withSubRules.has(f.split(' ')[0]))],
  );
  console.log(
    `\noverall: recall ${recall.toFixed(3)} (${total.detected}/${total.labelled}), precision ${ratio(total.tp, total.tp + total.fp)}, false positives ${total.fp} = ${fpPer10k.toFixed(2)} per 10,000 negative lines`,
  );
  const detection = [...top].filter(([fam]) => DETECTION_CATEGORIES.includes(fam));
  if (detection.length) {
    console.log('\ndetection categories (issue 15):');
    table(
      ['category', 'labelled', 'detected', 'recall', 'TP', 'FP', 'precision'],
      detection.map(([fam, s]) => [fam, s.labelled, s.detected, ratio(s.detected, s.labelled), s.tp, s.fp, ratio(s.tp, s.tp + s.fp)]),
    );
  }
  const missed = Object.entries(labels).flatMap(([path, fams]) => fams.filter((fam) => !detects(found, path, fam)).map((fam) => `${path} (${fam})`));
  if (missed.length) console.log(`missed: ${missed.length}${args.has('--verbose') ? '\n  ' + missed.join('\n  ') : ' (--verbose lists them)'}`);
  if (falsePositives.length)
    console.log(
      `false positives:${args.has('--verbose') ? '\n  ' + falsePositives.map((f) => `${f.path}:${f.line} ${f.ruleId}`).join('\n  ') : ' (--verbose lists them)'}`,
    );
  const ok = recall >= TARGET_RECALL && fpPer10k <= TARGET_FP_PER_10K;
  console.log(ok ? 'targets met' : `TARGETS MISSED (recall >= ${TARGET_RECALL}, <= ${TARGET_FP_PER_10K} FP per 10,000 negative lines)`);
  process.exitCode = ok ? 0 : 1;
}

/** The family reports the file, or a whole-file error covers a fallback family's secret in it. */
function detects(found, path, fam) {
  return found.some((f) => f.path === path && (f.ruleId === fam || (FALLBACK_FAMILIES.has(fam) && WHOLE_FILE_ERRORS.has(f.ruleId))));
}

function lineCount(text) {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

function ratio(a, b) {
  return b === 0 ? '-' : (a / b).toFixed(3);
}
