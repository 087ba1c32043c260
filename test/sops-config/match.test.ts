import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { governingConfig, isSopsConfigFile } from '../../src/sops/config/discovery.js';
import { createSopsRuleLookup } from '../../src/sops/config/lookup.js';
import { findCreationRule, pathForMatching, type RuleMatch } from '../../src/sops/config/match.js';
import { parseSopsConfig } from '../../src/sops/config/parse.js';
import { re2Matches } from '../../src/sops/re2.js';
import { re2SubsetAsRegExp } from '../../src/sops/re2-subset.js';

const AGE = 'age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr';

function configWith(...patterns: Array<string | undefined>) {
  const lines = ['creation_rules:'];
  for (const p of patterns) lines.push(p === undefined ? `  - age: ${AGE}` : `  - path_regex: '${p}'\n    age: ${AGE}`);
  return parseSopsConfig(lines.join('\n'), '.sops.yaml').config;
}

const indexOf = (m: RuleMatch): number | string => (m.status === 'matched' ? m.rule.index : m.status);

describe('findCreationRule matches like sops (§1.4)', () => {
  const table: Array<[string, Array<string | undefined>, string, number | string]> = [
    ['unanchored: matches anywhere in the path', ['cluster/.*\\.sops\\.ya?ml'], 'tmpl/cluster/foo.sops.yaml', 0],
    ['suffix anchor', ['\\.sops\\.ya?ml$'], 'a/b.sops.yml', 0],
    ['suffix anchor does not match elsewhere', ['\\.sops\\.ya?ml$'], 'a/b.sops.yaml.bak', 'none'],
    ['.*.sops.yaml$ matches the config name itself', ['.*.sops.yaml$'], '.sops.yaml', 0],
    ['start anchor is relative to the config directory', ['^secrets/'], 'secrets/a.yaml', 0],
    ['start anchor does not match deeper', ['^secrets/'], 'app/secrets/a.yaml', 'none'],
    ['first match wins', ['\\.yaml$', 'secrets/'], 'secrets/a.yaml', 0],
    ['later rule when the first does not match', ['^prod/', 'secrets/'], 'dev/secrets/a.yaml', 1],
    ['no path_regex matches everything', [undefined, '\\.yaml$'], 'x.bin', 0],
    ['catch-all after specific rules', ['^prod/', undefined], 'dev/a.env', 1],
    ['no rule matches', ['^prod/'], 'dev/a.env', 'none'],
    ['RE2 character classes', ['[[:digit:]]{3}\\.json$'], 'v/123.json', 0],
    ['case-sensitive by default', ['SECRET'], 'secret.yaml', 'none'],
    ['(?i) flag', ['(?i)SECRET'], 'secret.yaml', 0],
  ];
  for (const [name, patterns, path, expected] of table) {
    it(name, () => expect(indexOf(findCreationRule(configWith(...patterns), path))).toBe(expected));
  }

  it("an invalid regex is an error when the loop reaches it, with sops' message", () => {
    const config = configWith('^ok/', '(?=x)', undefined);
    expect(indexOf(findCreationRule(config, 'ok/a.yaml'))).toBe(0);
    const m = findCreationRule(config, 'other/a.yaml');
    expect(m.status).toBe('invalid-regex');
    if (m.status === 'invalid-regex') {
      expect(m.rule.index).toBe(1);
      expect(m.error).toMatch(/^can not compile regexp: .*Perl syntax/);
    }
  });

  it('an invalid regex after the matching rule is never compiled', () => {
    expect(indexOf(findCreationRule(configWith(undefined, '[unclosed'), 'a.yaml'))).toBe(0);
  });
});

describe('config discovery', () => {
  it('pathForMatching is relative to the config directory', () => {
    expect(pathForMatching('.sops.yaml', 'a/b.yaml')).toBe('a/b.yaml');
    expect(pathForMatching('apps/x/.sops.yaml', 'apps/x/secrets/s.yaml')).toBe('secrets/s.yaml');
    expect(pathForMatching('apps/x/.sops.yaml', 'apps/xy/s.yaml')).toBe('apps/xy/s.yaml');
  });

  it('governingConfig picks the nearest .sops.yaml at or above the file, ignoring .sops.yml', () => {
    const configs = ['.sops.yaml', 'apps/api/.sops.yaml', 'apps/web/.sops.yml', 'apps/api/deep/x.yaml'];
    expect(governingConfig(configs, 'apps/api/secrets/a.yaml')).toBe('apps/api/.sops.yaml');
    expect(governingConfig(configs, 'apps/api/a.yaml')).toBe('apps/api/.sops.yaml');
    expect(governingConfig(configs, 'apps/web/a.yaml')).toBe('.sops.yaml');
    expect(governingConfig(configs, 'top.yaml')).toBe('.sops.yaml');
    expect(governingConfig(['apps/api/.sops.yaml'], 'apps/apix/a.yaml')).toBeUndefined();
    expect(governingConfig([], 'a.yaml')).toBeUndefined();
  });

  it('config files are never themselves subject to rules', () => {
    expect(isSopsConfigFile('.sops.yaml')).toBe(true);
    expect(isSopsConfigFile('a/.sops.yml')).toBe(true);
    expect(isSopsConfigFile('a/x.sops.yaml')).toBe(false);
  });
});

describe('createSopsRuleLookup (what the engine calls for sopsRuleFor)', () => {
  const root = { path: '.sops.yaml', text: `creation_rules:\n  - path_regex: .*.sops.yaml$\n    age: ${AGE}\n  - path_regex: '[bad'\n    age: ${AGE}\n` };
  const nested = { path: 'apps/api/.sops.yaml', text: `creation_rules:\n  - path_regex: ^secrets/\n    pgp: FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4\n` };
  const lookup = createSopsRuleLookup([root, nested]);

  it('uses the nearest config and the path relative to it', () => {
    expect(lookup.ruleFor('apps/api/secrets/db.yaml')).toEqual({
      configPath: 'apps/api/.sops.yaml',
      ruleIndex: 0,
      rule: { path_regex: '^secrets/', pgp: 'FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4' },
    });
    expect(lookup.ruleFor('apps/api/other/db.yaml')).toBeUndefined();
    expect(lookup.ruleFor('x/y.sops.yaml')?.ruleIndex).toBe(0);
  });

  it('never governs a config file, even when a rule matches its name', () => {
    expect(lookup.ruleFor('.sops.yaml')).toBeUndefined();
    expect(lookup.matchFor('.sops.yaml')).toBeUndefined();
  });

  it('reports a broken regex through matchFor, and ruleFor gives undefined', () => {
    expect(lookup.matchFor('plain.txt')?.match.status).toBe('invalid-regex');
    expect(lookup.ruleFor('plain.txt')).toBeUndefined();
  });

  it('a forced config governs every file', () => {
    const forced = createSopsRuleLookup([root, nested], { path: 'ops/.sops.yaml', text: `creation_rules:\n  - pgp: ${'D'.repeat(40)}\n` });
    expect(forced.ruleFor('apps/api/secrets/db.yaml')).toEqual({ configPath: 'ops/.sops.yaml', ruleIndex: 0, rule: { pgp: 'D'.repeat(40) }, catchAll: true });
  });
});

describe('matching on hostile input (RE2: linear time, never throws)', () => {
  // Linear time is a property of the engine a pattern runs on, so the tests check the routing, not the clock: a
  // pattern that a backtracking engine could take exponential time on never runs as a JavaScript RegExp.
  const HOSTILE = ['(a+)+$', '(x|xx)+y', '(a|aa)*b', '(a*)*b', '^(a|a?)+$', '(.*a){12}', '(\\w+\\s?)+$', 'a?'.repeat(30) + 'a'.repeat(30)];

  it('catastrophic-backtracking patterns run on RE2, never as a JavaScript RegExp', () => {
    for (const pattern of HOSTILE) expect(re2SubsetAsRegExp(pattern), pattern).toBeUndefined();
  });

  it('they still give the right verdict on long strings', () => {
    const config = configWith('(a+)+$', '(x|xx)+y', '(a|aa)*b');
    expect(indexOf(findCreationRule(config, `${'a'.repeat(50_000)}!`))).toBe('none');
    expect(indexOf(findCreationRule(config, 'a'.repeat(50_000)))).toBe(0);
  });

  it('never throws, whatever the pattern and path', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ maxLength: 20 }), { nil: undefined }), { maxLength: 4 }), fc.string({ maxLength: 200 }), (patterns, path) => {
        const text = ['creation_rules:', ...patterns.map((p) => (p === undefined ? '  - {}' : `  - path_regex: ${JSON.stringify(p)}`))].join('\n');
        const { config } = parseSopsConfig(text, '.sops.yaml');
        const m = findCreationRule(config, path);
        expect(['matched', 'none', 'invalid-regex']).toContain(m.status);
      }),
      { numRuns: 500 },
    );
  });

  it('hostile patterns against long random paths agree with RE2 itself', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HOSTILE), fc.string({ unit: fc.constantFrom('a', 'b', ' ', '/'), minLength: 1000, maxLength: 5000 }), (pattern, path) => {
        expect(findCreationRule(configWith(pattern), path).status === 'matched').toBe(re2Matches(pattern, path));
      }),
      { numRuns: 60 },
    );
  });
});
