/**
 * Valid/invalid tables for rules, in the shape of ESLint's RuleTester and textlint-tester: each case runs the
 * rule exactly as the engine does (runRule) and asserts the rule ids, lines and messages it reports.
 */
import { describe, expect, it } from 'vitest';
import { runRule } from '../../src/engine/run-rule.js';
import { decodeText } from '../../src/engine/content.js';
import { BINARY_HEAD_BYTES } from '../../src/engine/scan.js';
import { parseOptions } from '../../src/util/options-schema.js';
import type { Finding, GoverningSopsRule, ProjectView, Rule, SourceText } from '../../src/types.js';

export interface RuleCase<Options> {
  /** Test name; defaults to the path. */
  readonly name?: string;
  readonly path: string;
  readonly content: string;
  /** The file's bytes, when they matter (binary files): the source is then built from them as the engine does. */
  readonly bytes?: Uint8Array;
  readonly options?: Partial<Options>;
  /** Other paths that exist in the repository (for rules that look at siblings). */
  readonly otherPaths?: readonly string[];
  /** Other files with their text (they exist too), for rules that read siblings. */
  readonly siblings?: Readonly<Record<string, string>>;
  /** The creation rule that governs this file, if any. */
  readonly sopsRule?: GoverningSopsRule;
  /** age identities available to the rule. */
  readonly ageIdentities?: readonly string[];
}

export interface InvalidCase<Options> extends RuleCase<Options> {
  /** Expected findings in order; `line` and `message` (substring or regex) are checked when given. */
  readonly errors: ReadonlyArray<{ line?: number; column?: number; message?: string | RegExp; severity?: string }>;
}

export function projectOf(
  paths: readonly string[],
  sopsRule?: GoverningSopsRule,
  ageIdentities: readonly string[] = [],
  texts: Readonly<Record<string, string>> = {},
): ProjectView {
  const set = new Set([...paths, ...Object.keys(texts)]);
  return {
    hasPath: (p) => set.has(p),
    readSibling: async (p) => texts[p],
    sopsRuleFor: () => sopsRule,
    ageIdentities: async () => ageIdentities,
  };
}

export async function lintWith<Options>(rule: Rule<Options>, c: RuleCase<Options>): Promise<Finding[]> {
  const options = { ...(rule.defaultOptions as object), ...c.options } as Options;
  if (rule.appliesTo && !rule.appliesTo(c.path, options)) return [];
  const source = sourceOf(c);
  if (source.skipped && !rule.meta.pathOnly && !rule.meta.readsBinaryHead) return [];
  return runRule({
    rule,
    source,
    options,
    severity: rule.meta.defaultSeverity,
    project: projectOf([c.path, ...(c.otherPaths ?? [])], c.sopsRule, c.ageIdentities, c.siblings),
    salt: 'test',
  });
}

function sourceOf(c: RuleCase<unknown>): SourceText {
  if (!c.bytes) return { path: c.path, content: c.content, origin: 'index' };
  const bytes = Buffer.from(c.bytes);
  const decoded = decodeText(bytes);
  if (decoded) return { path: c.path, content: decoded.text, origin: 'index' };
  return { path: c.path, content: '', origin: 'index', skipped: 'binary', head: bytes.subarray(0, BINARY_HEAD_BYTES) };
}

/** A rule's options as `.secrets-guard.yaml` would set them: validated against `meta.options`, over the defaults. */
export function optionsOf<Options>(rule: Rule<Options>, raw: unknown, keyPath: string): Options {
  if (!rule.meta.options) throw new Error(`${rule.meta.id} takes no options`);
  return parseOptions(rule.meta.options, raw, keyPath, rule.defaultOptions);
}

export function testRule<Options>(rule: Rule<Options>, cases: { valid: ReadonlyArray<RuleCase<Options>>; invalid: ReadonlyArray<InvalidCase<Options>> }): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name ?? c.path}`, async () => {
        expect(await lintWith(rule, c)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name ?? c.path}`, async () => {
        const found = await lintWith(rule, c);
        expect(found.map((f) => f.ruleId.split('/')[0])).toEqual(c.errors.map(() => rule.meta.id));
        c.errors.forEach((e, i) => {
          const f = found[i]!;
          if (e.line !== undefined) expect(f.line).toBe(e.line);
          if (e.column !== undefined) expect(f.column).toBe(e.column);
          if (e.severity !== undefined) expect(f.severity).toBe(e.severity);
          if (typeof e.message === 'string') expect(f.message).toContain(e.message);
          else if (e.message) expect(f.message).toMatch(e.message);
        });
      });
    }
  });
}
