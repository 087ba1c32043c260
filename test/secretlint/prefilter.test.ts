/**
 * The keyword prefilter may only ever skip work: on any text, the preset narrowed to the rules the filter picks
 * must report exactly what the whole preset reports.
 */
import { readFileSync } from 'node:fs';
import { lintSource } from '@secretlint/core';
import { creator as preset } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreConfig } from '@secretlint/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveSecretlintRc, type SecretlintRc, type SecretlintSetup } from '../../src/secretlint/config.js';
import { AWS_ID_SCAN_KEYWORDS, PRESET_KEYWORDS_CHECKED_AGAINST, PRESET_TRIGGERS } from '../../src/secretlint/preset-keywords.js';
import { installedPackageVersion } from '../../src/secretlint/resolve-rule.js';
import { PresetFilter, triePattern } from '../../src/secretlint/prefilter.js';
import { fake } from '../helpers/fake-tokens.js';

const PRESET_ID = '@secretlint/secretlint-rule-preset-recommend';
const AWS_ID = '@secretlint/secretlint-rule-aws';
const samples = (
  JSON.parse(readFileSync(new URL('../fixtures/secretlint/preset-samples.json', import.meta.url), 'utf8')) as { samples: Record<string, string[]> }
).samples;
const presetRuleIds = preset.rules.map((r) => r.meta.id);
const extFor = (ruleId: string) => (ruleId.endsWith('-gcp') ? '.json' : '.txt');

async function messages(config: SecretLintCoreConfig | undefined, content: string, ext: string) {
  if (!config) return [];
  const result = await lintSource({
    source: { content, filePath: `sample${ext}`, ext, contentType: 'text' },
    options: { config, maskSecrets: true, noPhysicFilePath: true },
  });
  return result.messages.map((m) => ({ ruleId: m.ruleId, messageId: m.messageId, range: m.range, message: m.message }));
}

const wholePreset = (rc?: SecretlintRc): SecretLintCoreConfig =>
  ({ rules: [{ id: PRESET_ID, rule: preset, ...(rc?.rules[0]?.rules ? { rules: rc.rules[0].rules } : {}) }] }) as SecretLintCoreConfig;

async function expectSameAsWholePreset(setup: SecretlintSetup, content: string, ext: string, rc?: SecretlintRc) {
  expect(await messages(await setup.configFor(content, ext), content, ext)).toEqual(await messages(wholePreset(rc), content, ext));
}

describe('preset keyword table', () => {
  it('lists exactly the rules of the installed preset (a new rule must be given keywords, or it always runs)', () => {
    expect(Object.keys(PRESET_TRIGGERS).sort()).toEqual([...presetRuleIds].sort());
  });

  it('has samples for every rule, each reported by the whole preset and containing one of its keywords', async () => {
    expect(Object.keys(samples).sort()).toEqual([...presetRuleIds].sort());
    const filter = new PresetFilter(presetRuleIds);
    for (const [ruleId, texts] of Object.entries(samples)) {
      for (const text of texts) {
        expect(filter.select(text, extFor(ruleId)).ruleIds.has(ruleId), `${ruleId}: ${text.slice(0, 30)}`).toBe(true);
        if (ruleId.endsWith('filter-comments')) continue; // reports nothing itself
        const found = await messages(wholePreset(), text, extFor(ruleId));
        expect(
          found.map((m) => m.ruleId),
          `${ruleId}: ${text.slice(0, 30)}`,
        ).toContain(ruleId);
      }
    }
  });
});

describe('PresetFilter', () => {
  it('picks no rule for ordinary code, so secretlint is not run on it', async () => {
    const setup = await resolveSecretlintRc(undefined);
    expect(await setup.configFor('export function add(a: number, b: number) {\n  return a + b;\n}\n', '.ts')).toBeUndefined();
  });

  it('stands for the installed preset: its version is the one the keyword table was checked against', () => {
    // Without a .secretlintrc the table names the preset's rules and the module loads only for a file with a
    // keyword; a lockfile update to another preset version must come with a new check of the table.
    expect(installedPackageVersion(PRESET_ID)).toBe(PRESET_KEYWORDS_CHECKED_AGAINST);
  });

  it('picks the rule whose keyword occurs, in any letter case', () => {
    const filter = new PresetFilter(presetRuleIds);
    expect([...filter.select('token: GHP_abc', '.txt').ruleIds]).toEqual(['@secretlint/secretlint-rule-github']);
    // secrets-guard-allow: a made-up URL credential
    expect([...filter.select('see https://ci:0penSesame@example.com', '.yaml').ruleIds]).toEqual(['@secretlint/secretlint-rule-basicauth']);
  });

  it('runs basicauth only on a URL that carries a user and a password, not on every URL', () => {
    const filter = new PresetFilter(presetRuleIds);
    expect([...filter.select('see https://example.com/docs and ftp://mirror.example.org', '.md').ruleIds]).toEqual([]);
    expect([...filter.select('clone HTTP://Bot:Tok3n_x@git.example.net/r.git', '.md').ruleIds]).toEqual(['@secretlint/secretlint-rule-basicauth']);
  });

  it('runs gcp on .json only when a key name or a \\u escape can be there, and always on .p12', () => {
    const filter = new PresetFilter(presetRuleIds);
    const gcp = '@secretlint/secretlint-rule-gcp';
    expect(filter.select('{"a": 1}', '.json').ruleIds.has(gcp)).toBe(false);
    expect(filter.select('{"private_key": 1}', '.json').ruleIds.has(gcp)).toBe(true);
    expect(filter.select('{"private\\u005fkey": 1}', '.json').ruleIds.has(gcp)).toBe(true);
    expect(filter.select('{"private_key": 1}', '.yaml').ruleIds.has(gcp)).toBe(false);
    expect(filter.select('', '.p12').ruleIds.has(gcp)).toBe(true);
  });

  it('keeps a rule it has no keywords for (a newer preset) always on', () => {
    const filter = new PresetFilter([...presetRuleIds, '@secretlint/secretlint-rule-from-the-future']);
    expect([...filter.select('nothing here', '.txt').ruleIds]).toEqual(['@secretlint/secretlint-rule-from-the-future']);
  });

  it('adds the id keywords when a .secretlintrc turns on the aws rule’s enableIDScanRule', () => {
    expect(new PresetFilter(presetRuleIds).select(fake.awsAccessKeyId(), '.txt').ruleIds.has(AWS_ID)).toBe(false);
    expect(new PresetFilter(presetRuleIds, { awsIdScan: true }).select(fake.awsAccessKeyId(), '.txt').ruleIds.has(AWS_ID)).toBe(true);
  });

  it('finds every keyword wherever it starts, overlapping or not (against a plain substring search)', () => {
    const keywords = [...new Set(Object.values(PRESET_TRIGGERS).flatMap((t) => t.keywords))];
    const pieces = fc.oneof(
      fc.constantFrom(...keywords, ...keywords.map((k) => k.toUpperCase())),
      fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_-.:/ \n0123456789') }),
    );
    const filter = new PresetFilter(presetRuleIds, { awsIdScan: true });
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const lower = text.toLowerCase();
        const expected = presetRuleIds.filter((id) => {
          const trigger = PRESET_TRIGGERS[id]!;
          if (trigger.onlyExtensions && !trigger.onlyExtensions.includes('.txt')) return false;
          if (trigger.confirm && !trigger.confirm.test(text)) return false;
          const all = id === AWS_ID ? [...trigger.keywords, ...AWS_ID_SCAN_KEYWORDS] : trigger.keywords;
          return all.some((k) => lower.includes(k));
        });
        expect([...filter.select(text, '.txt').ruleIds]).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('builds a trie pattern that matches where any of its words starts', () => {
    const re = new RegExp(triePattern(['ab', 'abc', 'b.d', 'x']), 'gi');
    expect([...'xx aB b.d abc bxd'.matchAll(re)].map((m) => m.index)).toEqual([0, 1, 3, 6, 10, 15]);
  });
});

describe('the filtered preset reports exactly what the whole preset reports', () => {
  const allSamples = Object.values(samples).flat();
  const noise = fc.string({ unit: fc.constantFrom(...'aA0_-.:/"= \n{}@sgkKhHpPtTxX'), maxLength: 40 });
  // URL pieces, so credentials in URLs are assembled in every shape the basicauth confirmation must accept.
  const urlPiece = fc.constantFrom(
    'https://',
    'http://',
    'ftp://',
    'ftps://',
    'HTTPS://',
    'user',
    'Us3r_x',
    ':',
    'pa55-word',
    '@',
    'host.example',
    '.com',
    '/',
    '%',
    '$',
  ); // secrets-guard-allow: URL fragments
  const url = fc.array(urlPiece, { minLength: 2, maxLength: 9 }).map((p) => p.join(''));
  const fragment = fc.oneof(
    fc.constantFrom(...allSamples),
    fc.constantFrom(...allSamples).chain((s) => fc.tuple(fc.nat(s.length), fc.nat(s.length)).map(([a, b]) => s.slice(Math.min(a, b), Math.max(a, b)))),
    noise,
    url,
  );
  const texts = fc.array(fragment, { minLength: 1, maxLength: 6 }).chain((parts) => fc.constantFrom('\n', ' ', '', '\n\n').map((sep) => parts.join(sep)));
  const exts = fc.constantFrom('.txt', '.json', '.npmrc', '.env', '.yaml', '');

  it('on every sample, with its own extension', async () => {
    const setup = await resolveSecretlintRc(undefined);
    for (const [ruleId, list] of Object.entries(samples)) for (const text of list) await expectSameAsWholePreset(setup, text, extFor(ruleId));
  });

  it('on texts mixing samples, pieces of samples and noise', async () => {
    const setup = await resolveSecretlintRc(undefined);
    await fc.assert(
      fc.asyncProperty(texts, exts, (text, ext) => expectSameAsWholePreset(setup, text, ext)),
      { numRuns: 300 },
    );
  });

  it('with enableIDScanRule on, for key and account ids', async () => {
    const rc: SecretlintRc = { rules: [{ id: PRESET_ID, rules: [{ id: AWS_ID, options: { enableIDScanRule: true } }] }] };
    const setup = await resolveSecretlintRc(rc);
    for (const text of [`id = ${fake.awsAccessKeyId()}`, 'aws_account_id = "1234-5678-9012"', 'AccountId: 123456789012', 'nothing to see']) {
      await expectSameAsWholePreset(setup, text, '.txt', rc);
    }
    expect(await messages(await setup.configFor(`id = ${fake.awsAccessKeyId()}`, '.txt'), `id = ${fake.awsAccessKeyId()}`, '.txt')).not.toEqual([]);
  });
});
