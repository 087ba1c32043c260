#!/usr/bin/env node
/**
 * Errors per MB on real repositories that hold no secrets (issue 15): runs `check --all --format json` in each clone
 * given, and prints error findings per rule outside test fixtures (paths with a test, tests, testdata, fixtures
 * or testing segment, and *_test.* files) per MB of tracked text outside them, then each such error's
 * path, line and rule id (never a message or a value). Usage:
 *   node eval/real-repo-errors.mjs [--bin dist/bundle/bin.js] CLONE...
 *   node eval/real-repo-errors.mjs [--bin dist/bundle/bin.js] --big-repos DIR
 * The second form runs the repositories of eval/big-repos.json (terraform, prometheus, kubernetes/examples, cloned at
 * their pinned commits into DIR/<owner>+<name>) and judges each error by the verdicts recorded there, as
 * `npm run eval -- --big-repos DIR` does.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { evalBigRepos, measure } from '../scripts/eval-big-repos.mjs';

const { values, positionals } = parseArgs({
  options: { bin: { type: 'string', default: 'dist/bundle/bin.js' }, 'big-repos': { type: 'string' }, verbose: { type: 'boolean', default: true } },
  allowPositionals: true,
});
const bin = resolve(values.bin);

if (values['big-repos']) process.exitCode = evalBigRepos({ dir: resolve(values['big-repos']), bin, verbose: values.verbose }) ? 0 : 1;
for (const dir of positionals) {
  const m = measure(dir, bin);
  const byRule = new Map();
  for (const f of m.outsideErrors) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  console.log(
    `${dir}: ${m.allMB.toFixed(1)} MB tracked, ${m.outsideMB.toFixed(1)} MB outside test fixtures; errors ${m.errors.length} in all, ${m.outsideErrors.length} outside = ${(m.outsideErrors.length / m.outsideMB).toFixed(3)} per MB`,
  );
  for (const [rule, n] of [...byRule].sort()) console.log(`  ${rule}: ${n}`);
  for (const f of m.outsideErrors) console.log(`    ${f.path}:${f.line} ${f.ruleId}`);
}
