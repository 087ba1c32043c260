import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintSopsConfig } from '../../src/sops/config/lint.js';
import { parseSopsConfig } from '../../src/sops/config/parse.js';
import { X25519 } from './recipient-samples.js';

describe('lintSopsConfig robustness', () => {
  it('an anchor containing an alias to itself is a fatal diagnostic, not a loop', () => {
    expect(parseSopsConfig('a: &x\n  b: *x\ncreation_rules: []\n', '.sops.yaml').diagnostics).toEqual([
      { message: 'anchor "x" contains an alias to itself', line: 2, column: 6, severity: 'error', fatal: true },
    ]);
  });

  it('an alias bomb through `merge` key groups stays fast and yields each recipient once', () => {
    const lines = ['groups:', `  g0: &g0 {age: [${X25519}]}`];
    for (let i = 1; i <= 30; i++)
      lines.push(
        `  g${i}: &g${i} {merge: [${Array(9)
          .fill(`*g${i - 1}`)
          .join(', ')}]}`,
      );
    lines.push('creation_rules:', '  - key_groups: [*g30]');
    const text = lines.join('\n');
    const found = lintSopsConfig(text, '.sops.yaml');
    expect(found).toEqual([]);
    expect(parseSopsConfig(text, '.sops.yaml').config.creationRules[0]!.recipients).toEqual([{ type: 'age', id: X25519, group: 0 }]);
  });

  it('a null creation rule is an empty rule (go-yaml zero value): a catch-all without keys', () => {
    expect(lintSopsConfig('creation_rules:\n  - ~\n', '.sops.yaml').map((d) => d.message)).toEqual([expect.stringContaining('creation_rules[0] lists no key')]);
  });

  it('only the first YAML document is read, as go-yaml Unmarshal does', () => {
    const rules = parseSopsConfig(`creation_rules:\n  - age: ${X25519}\n---\ncreation_rules: []\n`, '.sops.yaml').config.creationRules;
    expect(rules).toHaveLength(1);
  });

  it('never throws, and every finding has a line, on configs assembled from fragments', () => {
    const fragment = fc.constantFrom(
      'creation_rules:',
      '  - path_regex: a',
      '  - {}',
      '    age: x',
      `    age: ${X25519}`,
      '    key_groups:',
      '      - merge: [*g]',
      '      - age: [1, ~]',
      '    shamir_threshold: 7',
      'keys: [&g {pgp: [x]}]',
      '    encrypted_regex: (?=x)',
      '  - ~',
      'stores: 3',
      'destination_rules: {}',
      '    <<: *g',
      '    pgp: {a: b}',
      '  -',
      '[',
      ': :',
      '    hckms: x',
      '      - {}',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 14 }), (lines) => {
        for (const d of lintSopsConfig(lines.join('\n'), '.sops.yaml')) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(['error', 'warning']).toContain(d.severity);
        }
      }),
      { numRuns: 400 },
    );
  });
});
