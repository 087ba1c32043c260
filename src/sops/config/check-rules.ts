/**
 * Checks on each creation rule's meaning (docs/sops-format.md §1.3–§1.5): regexes that are not RE2, several selection
 * settings, recipients sops cannot parse, empty key groups, impossible Shamir thresholds, rules without keys, and
 * rules that can never be reached.
 */
import { quote } from '../../util/quote.js';
import { compileRe2 } from '../re2.js';
import { isCatchAllPattern } from './catch-all.js';
import { diagnostic, type ConfigDiagnostic } from './diagnostic.js';
import type { ContainerInfo, Location } from './located.js';
import { compiledPathRegex } from './match.js';
import type { CreationRule } from './parse.js';
import { ageRecipientProblem, pgpFingerprintProblem } from './recipient-format.js';
import { keyGroupsOf, recipientSources } from './recipients.js';
import { goString } from './settings.js';

type Info = WeakMap<object, ContainerInfo>;

/** What an invalid pattern does in each place: sops compiles path_regex, but never checks the other four (§1.5). */
const REGEX_EFFECT: Readonly<Record<string, string>> = {
  path_regex: 'sops stops with "can not compile regexp" for every file that reaches this rule',
  encrypted_regex: 'sops never compiles it, so no key matches and nothing is encrypted',
  unencrypted_regex: 'sops never compiles it, so no key matches and every value is encrypted',
  encrypted_comment_regex: 'sops never compiles it, so no comment matches and nothing is encrypted',
  unencrypted_comment_regex: 'sops never compiles it, so no comment matches and every value is encrypted',
};

export class RuleChecker {
  readonly out: ConfigDiagnostic[] = [];
  private readonly info: Info;
  constructor(info: Info) {
    this.info = info;
  }

  private keyAt(rule: CreationRule, key: string): Location {
    const entry = this.info.get(rule.raw)?.entries.get(key);
    return entry?.value ?? { line: rule.line, column: 1 };
  }

  private slotAt(holder: object, slot: string | number, fallback: Location): Location {
    const info = this.info.get(holder);
    const at = typeof slot === 'number' ? info?.items[slot] : info?.entries.get(slot)?.value;
    return at ?? fallback;
  }

  check(rule: CreationRule): void {
    this.regexes(rule);
    if (rule.selection.length > 1) {
      const names = rule.selection.map((s) => s.setting).join(', ');
      const last = rule.selection.map((s) => this.keyAt(rule, s.setting)).sort((a, b) => b.line - a.line || b.column - a.column)[0]!;
      this.out.push(
        diagnostic(
          `creation_rules[${rule.index}] sets more than one selection setting (${names}): sops refuses the rule ("cannot use more than one of …")`,
          last,
        ),
      );
    }
    this.recipients(rule);
    this.keyGroups(rule);
  }

  private regexes(rule: CreationRule): void {
    for (const [key, effect] of Object.entries(REGEX_EFFECT)) {
      const pattern = goString(rule.raw[key]);
      if (pattern === '') continue;
      const compiled = key === 'path_regex' ? compiledPathRegex(rule)! : compileRe2(pattern);
      if (!compiled.ok)
        this.out.push(diagnostic(`\`${key}\` is not a valid RE2 (Go) regular expression (${quote(compiled.error)}): ${effect}`, this.keyAt(rule, key)));
    }
  }

  private recipients(rule: CreationRule): void {
    for (const source of recipientSources(rule.raw)) {
      const at = this.slotAt(source.holder, source.slot, { line: rule.line, column: 1 });
      if (source.type === 'age') {
        const problem = ageRecipientProblem(source.written);
        if (problem) this.out.push(diagnostic(`invalid age recipient \`${quote(source.written, 'recipient')}\`: ${problem}; sops refuses the rule`, at));
      } else if (source.type === 'pgp') {
        const problem = pgpFingerprintProblem(source.written);
        if (problem) this.out.push(diagnostic(`${problem}; gpg will probably not find the key`, at, 'warning'));
      }
    }
  }

  private keyGroups(rule: CreationRule): void {
    const groups = keyGroupsOf(rule.raw);
    if (!groups) {
      if (recipientSources(rule.raw).length === 0 && !writesKeys(rule.raw)) {
        // A warning, not an error: some teams pass keys on the command line (`sops encrypt --age ...`) and use such a
        // rule only for its path and selection settings.
        this.out.push(
          diagnostic(
            `creation_rules[${rule.index}] lists no key: sops cannot encrypt a file it matches unless keys are given on the command line ("no key groups provided")`,
            { line: rule.line, column: 1 },
            'warning',
          ),
        );
      }
      return;
    }
    const sources = recipientSources(rule.raw);
    const groupsAt = this.info.get(groups);
    groups.forEach((group, i) => {
      if (!sources.some((s) => s.group === i) && !writesKeys(group)) {
        this.out.push(
          diagnostic(
            `key_groups[${i}] of creation_rules[${rule.index}] has no key: sops refuses to encrypt ("empty key group provided")`,
            groupsAt?.items[i] ?? this.keyAt(rule, 'key_groups'),
          ),
        );
      }
    });
    const t = rule.shamirThreshold;
    if (groups.length > 1 && t !== 0 && (t < 2 || t > groups.length)) {
      this.out.push(
        diagnostic(
          `\`shamir_threshold\` ${t} is out of range for ${groups.length} key groups (2 to ${groups.length}, or 0 for all): sops cannot split the data key`,
          this.keyAt(rule, 'shamir_threshold'),
        ),
      );
    }
  }

  /** Rules after a catch-all, and rules repeating an earlier `path_regex`, can never be chosen (§1.4: first match wins). */
  unreachable(rules: readonly CreationRule[]): void {
    const catchAll = rules.find((r) => isCatchAllPattern(r.pathRegex) || matchesEveryPath(r));
    const seen = new Map<string, number>();
    for (const rule of rules) {
      if (catchAll && rule.index > catchAll.index) {
        this.out.push(
          diagnostic(
            `creation_rules[${rule.index}] can never match: creation_rules[${catchAll.index}] before it matches every file (sops uses the first matching rule)`,
            { line: rule.line, column: 1 },
            'warning',
          ),
        );
        continue;
      }
      if (rule.pathRegex === undefined) continue;
      const earlier = seen.get(rule.pathRegex);
      if (earlier !== undefined) {
        this.out.push(
          diagnostic(
            `creation_rules[${rule.index}] can never match: creation_rules[${earlier}] has the same \`path_regex\` and comes first`,
            { line: rule.line, column: 1 },
            'warning',
          ),
        );
      } else seen.set(rule.pathRegex, rule.index);
    }
  }
}

const ASSERTIONS = /\^|\$|\\[AzbB]/;

/**
 * True for a pattern that certainly matches every path: it matches the empty string and contains no assertion, so
 * an unanchored search succeeds at offset 0 of any input (`.*`, `(foo)?`). Other patterns are assumed not to.
 */
function matchesEveryPath(rule: CreationRule): boolean {
  const compiled = compiledPathRegex(rule);
  if (!compiled) return true;
  return compiled.ok && !ASSERTIONS.test(rule.pathRegex!) && compiled.regex.find('');
}

const KEY_FIELDS = ['age', 'pgp', 'kms', 'gcp_kms', 'azure_keyvault', 'hc_vault_transit_uri', 'hc_vault', 'hckms'];

/**
 * Some key field holds a value of the wrong kind (a string where a list belongs...): check-shape.ts reports it,
 * so the rule or group is not also reported as having no key.
 */
function writesKeys(holder: unknown): boolean {
  if (typeof holder !== 'object' || holder === null) return false;
  const fields = holder as Record<string, unknown>;
  return KEY_FIELDS.some((f) => {
    const v = fields[f];
    return v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.every((item) => item === '' || item === null));
  });
}
