/**
 * The RegExp stand-in for common RE2 patterns (src/sops/re2-subset.ts) against re2js, the port of RE2 the guard
 * used for every pattern before: wherever the subset takes a pattern, both must answer alike on every text.
 */
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import type { RE2JS as RE2JSType } from 're2js';
import { afterEach, describe, expect, it } from 'vitest';
import { re2SubsetAsRegExp } from '../../src/sops/re2-subset.js';
import { compileRe2, re2Matches } from '../../src/sops/re2.js';
import { BIN, isolatedEnv, makeRepo, type TestRepo } from '../helpers/git-repo.js';

const { RE2JS } = createRequire(import.meta.url)('re2js') as { RE2JS: typeof RE2JSType };

function re2Finds(pattern: string, text: string): boolean | 'invalid' {
  try {
    return RE2JS.compile(pattern).matcher(text).find();
  } catch {
    return 'invalid';
  }
}

/** Pattern pieces: the subset's syntax, its edges, and things it must refuse. */
const PIECES = [
  'a',
  'b',
  'A',
  'z',
  '0',
  '9',
  '/',
  '-',
  '_',
  ' ',
  ',',
  '#',
  '<',
  '>',
  '=',
  '~',
  'é',
  '😀',
  '\n',
  '\r',
  '.',
  '\\.',
  '\\-',
  '\\/',
  '\\_',
  '\\*',
  '\\[',
  '\\]',
  '\\\\',
  '\\t',
  '\\n',
  '\\r',
  '\\f',
  '\\v',
  '\\a',
  '\\d',
  '\\D',
  '\\w',
  '\\W',
  '\\s',
  '\\S',
  '\\b',
  '\\B',
  '\\A',
  '\\z',
  '\\x41',
  '\\pL',
  '\\Q',
  '\\1',
  '\\',
  '*',
  '+',
  '?',
  '*?',
  '+?',
  '??',
  '{2}',
  '{1,3}',
  '{',
  '}',
  ']',
  '|',
  '(',
  ')',
  '(?:',
  '(?i)',
  '(?P<n>',
  '(?<n>',
  '^',
  '$',
  '[a-c]',
  '[^/]',
  '[^a]',
  '[\\w.-]',
  '[-a]',
  '[a-]',
  '[--/]',
  '[\\d-z]',
  '[]a]',
  '[^]a]',
  '[z-a]',
  '[a-\\d]',
  '[[:alpha:]]',
  '[\\D]',
  '[\\n]',
  '[^\\n]',
  '[é-ü]',
  '[😀]',
  '[\\^]',
  '[a^]',
  '[',
  '[ab',
  '[\\]]',
  '[.]',
];
const TEXT_UNITS = [
  'a',
  'b',
  'A',
  'z',
  '0',
  '9',
  '/',
  '-',
  '_',
  ' ',
  '.',
  'é',
  '😀',
  '\n',
  '\r',
  '\t',
  '\u2028',
  '\u00a0',
  '\v',
  '\f',
  'ſ',
  'K',
  '[',
  ']',
  '^',
  '\\',
  'ü',
];

const pattern = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((p) => p.join(''));
const text = fc.array(fc.constantFrom(...TEXT_UNITS), { maxLength: 14 }).map((t) => t.join(''));

describe('RE2 patterns run as RegExps (re2-subset.ts)', () => {
  it('answer as re2js on every text, for every pattern the subset takes', () => {
    let taken = 0;
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 6 }), (source, texts) => {
        const regexp = re2SubsetAsRegExp(source);
        if (!regexp) return;
        taken++;
        for (const t of texts) expect(regexp.test(t), `/${source}/ on ${JSON.stringify(t)}`).toBe(re2Finds(source, t));
      }),
      // RE2_SUBSET_RUNS=400000 for a deeper search; 400,000 runs found no disagreement.
      { numRuns: Number(process.env.RE2_SUBSET_RUNS ?? 20_000) },
    );
    expect(taken).toBeGreaterThan(2_000); // the generator does reach the subset
  });

  it('takes the patterns .sops.yaml files are made of', () => {
    const common = [
      '.*\\.sops\\.yaml$',
      '\\.enc\\.ya?ml$',
      '^(data|stringData)$',
      'deploy/secrets/.*\\.enc\\.(yaml|json|env|ini)$',
      'secrets/[^/]+\\.yaml$',
      'clusters/prod/secrets/.*\\.yaml',
      '^(dev|staging|prod)/.*\\.(yaml|yml|json)$',
      '^(password|token|.*_key)$',
      '.*.sops.yaml$',
      '[\\w.-]+\\.env$',
      '',
    ];
    for (const source of common) expect(re2SubsetAsRegExp(source), source).toBeInstanceOf(RegExp);
  });

  it('leaves to re2js what it cannot be sure of, including the shapes that make backtracking explode', () => {
    const refused = [
      '[]',
      '[^]',
      '[^]a]',
      '(?i)secret',
      'a{2}',
      '\\bkey',
      '[[:digit:]]+',
      '(a+)+$',
      '(a|aa)*b',
      '((ab)*c)*',
      '.*a.*b.*c',
      '[]a]',
      '\\pL',
      '(?P<name>x)',
    ];
    for (const source of refused) expect(re2SubsetAsRegExp(source), source).toBeUndefined();
  });

  it('bounds backtracking: at most one unbounded repetition in a row, and few optional parts or overlapping branches', () => {
    const hostile = [
      'a?'.repeat(50) + 'a'.repeat(50), // exponential in JS: 2^50 readings
      '(a|a)'.repeat(30) + 'b',
      '(a|ab)'.repeat(20) + 'c',
      '(a?)'.repeat(40) + 'b',
      'clusters/.*/secrets/.*\\.yaml', // two in a row: quadratic per start position
      '.*(a|b).*',
      '(a|ab)*c',
      '(ab|ac)+',
      '.*'.repeat(3),
    ];
    for (const source of hostile) expect(re2SubsetAsRegExp(source), source).toBeUndefined();
    // At the edge of MAX_WAYS (258): 2^8 readings stay, 2^9 do not; one `.*` with one `?` stays, with two it does not.
    expect(re2SubsetAsRegExp('a?'.repeat(8) + 'a'.repeat(8))).toBeInstanceOf(RegExp);
    expect(re2SubsetAsRegExp('a?'.repeat(9) + 'a'.repeat(9))).toBeUndefined();
    expect(re2SubsetAsRegExp('.*\\.ya?ml$')).toBeInstanceOf(RegExp);
    expect(re2SubsetAsRegExp('.*\\.y?a?ml$')).toBeUndefined();
    expect(re2SubsetAsRegExp('(.*a|.*b)')).toBeInstanceOf(RegExp); // alternatives add up, they do not multiply
    // Alternatives that start with different characters exclude each other: only the largest group counts.
    expect(re2SubsetAsRegExp('^(dev|staging|prod)/.*\\.(yaml|yml|json|env|ini)$')).toBeInstanceOf(RegExp);
    expect(re2SubsetAsRegExp('.*\\.(a|b|ab|ac|ad)$')).toBeUndefined(); // three start with a
    expect(re2SubsetAsRegExp('.*\\.(a?x|x)$')).toBeUndefined(); // an optional first atom may start with anything
    expect(re2SubsetAsRegExp('(a|b)*c')).toBeInstanceOf(RegExp); // one way per iteration: no blow-up
  });
});

describe('compileRe2', () => {
  it('gives RE2 answers for patterns outside the subset, long texts, and invalid patterns', () => {
    expect(re2Matches('(?i)SECRET', 'a/secret.yaml')).toBe(true);
    expect(re2Matches('[[:digit:]]{3}\\.json$', 'v/123.json')).toBe(true);
    const long = `${'a/'.repeat(300)}x.sops.yaml`;
    expect(re2Matches('^(a/)*x\\.sops\\.yaml$', long)).toBe(true); // past the RegExp text limit
    expect(re2Matches('\\.sops\\.yaml$', long)).toBe(true);
    expect(re2Matches('\\.sops\\.yaml$', `${long}.bak`)).toBe(false);
    const invalid = compileRe2('(?=x)');
    expect(invalid.ok).toBe(false);
    expect(invalid.ok ? '' : invalid.error).toMatch(/invalid or unsupported Perl syntax/);
    expect(re2Matches('(?=x)', 'x')).toBe(false); // sops ignores the error: nothing matches
  });
});

describe('a staged check in a repository with common patterns', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  const loadsRe2js = (pathRegex: string): boolean => {
    repo = makeRepo();
    repo.write('.sops.yaml', `creation_rules:\n  - path_regex: '${pathRegex}'\n    age: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\n`);
    repo.write('secrets/db.yaml', 'password: not-encrypted\n');
    repo.git('add', '-A');
    // NODE_DEBUG=module traces every CommonJS load, which is how re2js is loaded (see src/sops/re2.ts).
    const out = spawnSync(process.execPath, [BIN, 'check'], { cwd: repo.dir, env: isolatedEnv({ NODE_DEBUG: 'module' }), encoding: 'utf8' });
    expect(out.status).toBe(1); // the plaintext file is caught either way
    repo.cleanup();
    return /re2js/.test(out.stderr);
  };

  it('never loads re2js, and loads it for a pattern outside the subset', () => {
    expect(loadsRe2js('secrets/.*\\.yaml$')).toBe(false);
    expect(loadsRe2js('(?i)SECRETS/.*\\.yaml$')).toBe(true);
  });
});
