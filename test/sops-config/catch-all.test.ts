import { describe, expect, it } from 'vitest';
import { isCatchAllPattern } from '../../src/sops/config/catch-all.js';
import { createSopsRuleLookup } from '../../src/sops/config/lookup.js';
import { compileRe2 } from '../../src/sops/re2.js';

const AGE = 'age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr';

describe('isCatchAllPattern: rules that name no paths', () => {
  const catchAll = [undefined, '', '.*', '^.*$', '^.*', '.*$', '.*\\.*', '(.*)', '^(.*)$', '(?:.*)', '.+', '^.+$', '\\A.*\\z', '.*.*', '\\.*', '^', '$'];
  const namesPaths = [
    'secrets/',
    '\\.sops\\.ya?ml$',
    '^$',
    '^[^.]*$',
    '.*\\.yaml$',
    '\\(.*',
    '.*\\$',
    '.*\\\\$x',
    '(foo)?',
    '.*|x',
    '^secrets/.*$',
    '.*secret.*',
    '(?i).*',
    '.*?',
    '[bad',
  ];
  for (const p of catchAll) it(`catch-all: ${JSON.stringify(p)}`, () => expect(isCatchAllPattern(p)).toBe(true));
  for (const p of namesPaths) it(`names paths: ${JSON.stringify(p)}`, () => expect(isCatchAllPattern(p)).toBe(false));

  it('every catch-all spelling really matches every path (RE2)', () => {
    const paths = ['a', 'x.yaml', '.env', 'secrets/db.sops.yaml', 'deep/dir/UPPER CASE (1).bin', 'ü/ñ.json', '$weird\\name'];
    for (const p of catchAll.filter((c): c is string => !!c)) {
      const compiled = compileRe2(p);
      if (!compiled.ok) throw new Error(p);
      for (const path of paths) expect(compiled.regex.find(path), `${p} on ${path}`).toBe(true);
    }
  });
});

describe('the lookup marks catch-alls', () => {
  const config = (rules: string) => ({ path: '.sops.yaml', text: `creation_rules:\n${rules}` });

  it('a last rule without path_regex is a catch-all; a path rule before it is not', () => {
    const lookup = createSopsRuleLookup([config(`  - path_regex: ^secrets/\n    age: ${AGE}\n  - age: ${AGE}\n`)]);
    expect(lookup.ruleFor('secrets/a.yaml')).not.toHaveProperty('catchAll');
    expect(lookup.ruleFor('docs/readme.md')).toMatchObject({ ruleIndex: 1, catchAll: true });
  });

  it('a catch-all before a path rule governs the files the path rule names: sops never reaches the path rule', () => {
    const lookup = createSopsRuleLookup([config(`  - path_regex: .*\n    age: ${AGE}\n  - path_regex: ^secrets/\n    age: ${AGE}\n`)]);
    expect(lookup.ruleFor('secrets/a.yaml')).toMatchObject({ ruleIndex: 0, catchAll: true });
    expect(lookup.ruleFor('docs/readme.md')).toMatchObject({ ruleIndex: 0, catchAll: true });
  });
});
