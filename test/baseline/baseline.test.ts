import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rule as highEntropy } from '../../rules/high-entropy-string.js';
import {
  applyBaseline,
  createBaseline,
  findingFingerprint,
  mergeIntoBaseline,
  parseBaseline,
  pruneBaseline,
  serializeBaseline,
  type Baseline,
} from '../../src/baseline/index.js';
import { runRule } from '../../src/engine/run-rule.js';
import { ConfigError } from '../../src/errors.js';
import type { Finding } from '../../src/types.js';
import { fake } from '../helpers/fake-tokens.js';
import { projectOf } from '../helpers/rule-tester.js';

const SALT = '0123456789abcdef0123456789abcdef';

const findingArb: fc.Arbitrary<Finding> = fc.record(
  {
    ruleId: fc.constantFrom('secretlint/github', 'high-entropy-string', 'private-key', 'terraform-state'),
    severity: fc.constantFrom('error' as const, 'warning' as const),
    path: fc.constantFrom('a.env', 'src/x.ts', 'deploy/key.pem', 'dir with space/é.yaml'),
    line: fc.integer({ min: 1, max: 500 }),
    column: fc.integer({ min: 1, max: 80 }),
    message: fc.string({ maxLength: 30 }),
    fingerprint: fc.stringMatching(/^[0-9a-f]{64}$/),
  },
  { requiredKeys: ['ruleId', 'severity', 'path', 'line', 'column', 'message'] },
);

describe('baseline properties', () => {
  it('a baseline made from findings suppresses exactly them, with nothing stale', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 30 }), (findings) => {
        const outcome = applyBaseline(findings, createBaseline(findings, SALT));
        expect(outcome.kept).toEqual([]);
        expect(outcome.suppressed).toBe(findings.length);
        expect(outcome.stale).toEqual([]);
      }),
    );
  });

  it('new findings pass through; entries for vanished findings are stale, and pruning removes only them', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 20 }), fc.array(findingArb, { maxLength: 20 }), (old, today) => {
        const baseline = createBaseline(old, SALT);
        const known = new Set(old.map((f) => `${f.ruleId}|${f.path}|${findingFingerprint(f)}`));
        const outcome = applyBaseline(today, baseline);
        expect(outcome.kept).toEqual(today.filter((f) => !known.has(`${f.ruleId}|${f.path}|${findingFingerprint(f)}`)));
        expect(outcome.suppressed + outcome.kept.length).toBe(today.length);
        const pruned = pruneBaseline(baseline, outcome.stale);
        const again = applyBaseline(today, pruned);
        expect(again.stale).toEqual([]);
        expect(again.kept).toEqual(outcome.kept);
        expect(pruned.entries.length).toBe(baseline.entries.length - outcome.stale.length);
      }),
    );
  });

  it('serialization is stable (order of findings does not matter) and parses back to the same baseline', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 20 }), (findings) => {
        const text = serializeBaseline(createBaseline(findings, SALT));
        expect(serializeBaseline(createBaseline([...findings].reverse(), SALT))).toBe(text);
        const parsed = parseBaseline(text);
        expect(serializeBaseline(parsed)).toBe(text);
        expect(parsed.entries.length).toBe(new Set(findings.map((f) => `${f.ruleId}|${f.path}|${findingFingerprint(f)}`)).size);
      }),
    );
  });

  it('merging keeps old entries and adds new ones', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 10 }), fc.array(findingArb, { maxLength: 10 }), (a, b) => {
        const merged = mergeIntoBaseline(createBaseline(a, SALT), b);
        expect(applyBaseline([...a, ...b], merged).kept).toEqual([]);
        expect(merged.salt).toBe(SALT);
      }),
    );
  });
});

describe('baseline details', () => {
  const base: Finding = { ruleId: 'terraform-state', severity: 'error', path: 'x.tfstate', line: 1, column: 1, message: 'state file committed' };

  it('writes no line numbers, messages or secrets', () => {
    const text = serializeBaseline(createBaseline([{ ...base, line: 42 }], SALT));
    expect(JSON.parse(text)).toEqual({
      version: 1,
      salt: SALT,
      entries: [{ ruleId: 'terraform-state', path: 'x.tfstate', fingerprint: expect.stringMatching(/^msg:[0-9a-f]{64}$/) }],
    });
    expect(text).not.toContain('42');
    expect(text).not.toContain('state file committed');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('keys a finding without a secret by rule and message, not by position', () => {
    const baseline = createBaseline([base], SALT);
    expect(applyBaseline([{ ...base, line: 9, column: 3 }], baseline).kept).toEqual([]);
    expect(applyBaseline([{ ...base, message: 'another complaint' }], baseline).kept).toHaveLength(1);
    expect(applyBaseline([{ ...base, path: 'y.tfstate' }], baseline).kept).toHaveLength(1);
  });

  it('matches findings the engine fingerprints with the baseline salt, wherever the secret moves', async () => {
    const token = fake.genericBase64(31, 40);
    const scan = async (content: string, salt: string) =>
      runRule({
        rule: highEntropy,
        source: { path: 'app.py', content, origin: 'index' },
        options: highEntropy.defaultOptions,
        severity: 'warning',
        project: projectOf(['app.py']),
        salt,
      });
    const before = await scan(`API_KEY = "${token}"\n`, SALT);
    const baseline = createBaseline(before, SALT);
    expect(serializeBaseline(baseline)).not.toContain(token);
    const moved = await scan(`# new header\n\nAPI_KEY = "${token}"\n`, SALT);
    expect(applyBaseline(moved, baseline)).toEqual({ kept: [], suppressed: 1, stale: [] });
    const other = await scan(`API_KEY = "${fake.genericBase64(32, 40)}"\n`, SALT);
    expect(applyBaseline(other, baseline).kept).toHaveLength(1);
    // Fingerprints from another salt never match: the run must use the baseline's salt.
    expect(applyBaseline(await scan(`API_KEY = "${token}"\n`, 'ffffffffffffffff'), baseline).kept).toHaveLength(1);
  });

  it('rejects malformed files with a ConfigError naming the key path', () => {
    const good: Baseline = { version: 1, salt: SALT, entries: [{ ruleId: 'r', path: 'p', fingerprint: 'a'.repeat(64) }] };
    const cases: Array<[unknown, RegExp]> = [
      [{ ...good, version: 2 }, /version: unsupported version 2/],
      [{ ...good, salt: 'xyz' }, /salt: expected a hex string/],
      [{ ...good, entries: {} }, /entries: expected a list/],
      [{ ...good, entries: [{ ruleId: 'r', path: 'p', fingerprint: 'abc' }] }, /entries\[0\]\.fingerprint/],
      [{ ...good, entries: [{ ruleId: 'r', path: 'p', fingerprint: 'a'.repeat(64), line: 3 }] }, /entries\[0\]\.line: unknown key/],
      [{ ...good, extra: true }, /extra: unknown key/],
      [[], /\(top level\): expected an object/],
    ];
    for (const [data, message] of cases) {
      expect(() => parseBaseline(JSON.stringify(data))).toThrow(ConfigError);
      expect(() => parseBaseline(JSON.stringify(data))).toThrow(message);
    }
    expect(() => parseBaseline('{', 'b.json')).toThrow(/^b\.json: invalid JSON/);
    expect(parseBaseline(JSON.stringify(good))).toEqual(good);
  });
});
