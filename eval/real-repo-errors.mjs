#!/usr/bin/env node
/**
 * Errors per MB on real repositories that hold no secrets (issue 15): runs `check --all --format json` in each clone
 * given, and prints error findings per rule outside test fixtures (paths with a test, tests, testdata, fixtures
 * or testing segment, and *_test.* files) per MB of tracked text outside them, then each such error's
 * path, line and rule id (never a message or a value). Usage:
 *   node eval/real-repo-errors.mjs [--bin dist/bundle/bin.js] CLONE...
 * Clones of github:hashicorp/terraform and github:prometheus/prometheus are what issue 15 was measured on.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ options: { bin: { type: 'string', default: 'dist/bundle/bin.js' } }, allowPositionals: true });
const bin = resolve(values.bin);
const TEST_PATH = /(?:^|\/)(?:test|tests|testdata|test-data|fixtures?|testing|__tests__)(?:\/|$)|[._-]test\.[a-z]+$|_test\.go$|\.spec\.[a-z]+$/i;

for (const dir of positionals) {
  let out;
  try {
    out = execFileSync(process.execPath, [bin, 'check', '--all', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (error) {
    if (error.status !== 1) throw new Error(`${dir}: exit ${error.status}: ${String(error.stderr).split('\n')[0]}`, { cause: error });
    out = error.stdout;
  }
  const errors = JSON.parse(out).findings.filter((f) => f.severity === 'error');
  const sizes = execFileSync('git', ['ls-files', '-s'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 })
    .trim().split('\n').map((l) => l.split(/\s+/)).map(([, oid, , path]) => ({ oid, path }));
  const batch = execFileSync('git', ['cat-file', '--batch-check=%(objectsize)'], { cwd: dir, input: sizes.map((s) => s.oid).join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 28 }).trim().split('\n');
  let all = 0;
  let outside = 0;
  sizes.forEach((s, i) => {
    const n = Number(batch[i]) || 0;
    all += n;
    if (!TEST_PATH.test(s.path)) outside += n;
  });
  const real = errors.filter((f) => !TEST_PATH.test(f.path));
  const byRule = new Map();
  for (const f of real) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  console.log(`${dir}: ${(all / 1e6).toFixed(1)} MB tracked, ${(outside / 1e6).toFixed(1)} MB outside test fixtures; errors ${errors.length} in all, ${real.length} outside = ${(real.length / (outside / 1e6)).toFixed(3)} per MB`);
  for (const [rule, n] of [...byRule].sort()) console.log(`  ${rule}: ${n}`);
  for (const f of real) console.log(`    ${f.path}:${f.line} ${f.ruleId}`);
}
