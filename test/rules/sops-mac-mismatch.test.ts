import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../../src/engine/source-file.js';
import { ConfigError } from '../../src/errors.js';
import { rule } from '../../rules/sops-mac-mismatch.js';
import { lintWith, testRule, optionsOf } from '../helpers/rule-tester.js';
import { fixtureText } from '../sops/fixtures.js';
import { AGE_FILES, identity, original, tamperedCopies } from './sops-verification-cases.js';

const ID = [identity()];
const HUMPHD_RECIPIENTS =
  'age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr, age19j4d6v9j7rx5fs629fu387qz4zmlpsqjexa4s08tkfrrmfdl5cwqjlaupd, age13runq29jhy9kfpaegczrzttykerswh0qprq59msgd754yermtfmsa3hwg2';
const PGP_FILE = 'getsops-sops/functional-tests/res/format.enc.yaml';
/** Line of `sops:` / the first `sops_` line, where the metadata (and so the MAC) starts. */
const METADATA_LINE: Record<string, number> = { yaml: 12, json: 16, env: 3 };
const lineOf = (path: string) => METADATA_LINE[path.split('.').pop()!]!;

testRule(rule, {
  valid: [
    ...AGE_FILES.map((path) => ({ name: `real age file verifies: ${path}`, path, content: original(path), ageIdentities: ID })),
    // Tampered, but no identity: nothing can be said unless verification is required.
    ...AGE_FILES.map((path) => ({ name: `unverifiable without an identity: ${path}`, path, content: tamperedCopies(path).reencrypted.content })),
    // A swapped value is the other rule's finding; sops stops before the MAC.
    ...AGE_FILES.map((path) => ({ ...tamperedCopies(path).swapped, ageIdentities: ID })),
    { name: 'not a sops file', path: 'plain.yaml', content: 'a: 1\n', ageIdentities: ID, options: { requireVerification: true } },
  ],
  invalid: [
    ...AGE_FILES.flatMap((path) => {
      const t = tamperedCopies(path);
      return [
        { ...t.lastmodified, ageIdentities: ID, errors: [{ line: lineOf(path), message: /^Cannot decrypt MAC: .*lastmodified was changed/ }] },
        { ...t.reencrypted, ageIdentities: ID, errors: [{ line: lineOf(path), message: /^MAC mismatch: a value was edited.*`sops edit`/ }] },
        { ...t.foreignMac, ageIdentities: ID, errors: [{ line: lineOf(path), message: /^Cannot decrypt MAC: .*copied from another file/ }] },
      ];
    }),
    ...AGE_FILES.map((path) => ({
      name: `requireVerification without an identity: ${path}`,
      path,
      content: original(path),
      options: { requireVerification: true },
      errors: [{ line: lineOf(path), message: `cannot verify: no age identity for recipients ${HUMPHD_RECIPIENTS}` }],
    })),
    {
      name: 'requireVerification on a PGP-only file',
      path: PGP_FILE,
      content: fixtureText(PGP_FILE),
      ageIdentities: ID,
      options: { requireVerification: true },
      errors: [{ message: 'cannot verify: the file has no age recipient (master keys: pgp FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4)' }],
    },
  ],
});

describe('sops-mac-mismatch bookkeeping and options', () => {
  it('leaves a verification note on the file for the summary: verified, or unverifiable', async () => {
    const path = AGE_FILES[0]!;
    const project = { hasPath: () => true, sopsRuleFor: () => undefined, ageIdentities: async () => ID };
    const notes: unknown[] = [];
    for (const [p, content] of [
      [path, original(path)],
      [PGP_FILE, fixtureText(PGP_FILE)],
      ['plain.yaml', 'a: 1\n'],
    ] as const) {
      const source = createSourceFile({ path: p, content, origin: 'index' }, project);
      await rule.check(source, { options: rule.defaultOptions, project, report: () => {} });
      notes.push(await source.verificationNote());
    }
    expect(notes).toEqual(['verified', 'unverifiable', undefined]);
  });

  it('validates its options', () => {
    expect(optionsOf(rule, { requireVerification: true }, 'rules.sops-mac-mismatch')).toEqual({ requireVerification: true });
    expect(optionsOf(rule, undefined, 'k')).toEqual({ requireVerification: false });
    expect(() => optionsOf(rule, { requireVerification: 'yes' }, 'rules.x')).toThrow(ConfigError);
    expect(() => optionsOf(rule, { requireVerification: 'yes' }, 'rules.x')).toThrow('rules.x.requireVerification');
    expect(() => optionsOf(rule, { require: true }, 'rules.x')).toThrow('rules.x.require: unknown option');
  });

  it('stays quiet on a PGP-only file (no_mac.yaml) without requireVerification: its problem needs a key (see verify-corpus)', async () => {
    const path = 'getsops-sops/functional-tests/res/no_mac.yaml';
    expect(await lintWith(rule, { path, content: fixtureText(path), ageIdentities: ID })).toEqual([]);
  });
});
