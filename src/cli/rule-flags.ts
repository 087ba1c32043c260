/**
 * The flags rules declare (`meta.flags`) as options of the scanning commands, and the rule options a command line
 * sets through them. The registry loads only when a command line needs these flags (cli/program.ts): a pre-commit
 * hook's `secrets-guard check` starts git before the rules load.
 */
import type { Rule } from '../types.js';

export interface CliRuleFlag {
  readonly ruleId: string;
  /** Long flag without dashes. */
  readonly name: string;
  readonly option: string;
  readonly description: string;
}

export type RuleOverrides = ReadonlyMap<string, Record<string, unknown>>;

function ruleFlagsOf(rules: Iterable<Rule<unknown>>): CliRuleFlag[] {
  return [...rules].flatMap((rule) => (rule.meta.flags ?? []).map((flag) => ({ ruleId: rule.meta.id, ...flag })));
}

export async function registryRuleFlags(): Promise<CliRuleFlag[]> {
  const { ruleRegistry } = await import('../engine/rule-registry.js');
  return ruleFlagsOf(ruleRegistry.values());
}

/** commander's property for a long flag: `require-verification` -> `requireVerification`. */
export function attributeOf(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The options the given flags set, per rule id, from commander's parsed values. */
export function ruleOverridesFrom(flags: readonly CliRuleFlag[], values: Readonly<Record<string, unknown>>): RuleOverrides {
  const overrides = new Map<string, Record<string, unknown>>();
  for (const flag of flags) {
    if (values[attributeOf(flag.name)] !== true) continue;
    overrides.set(flag.ruleId, { ...overrides.get(flag.ruleId), [flag.option]: true });
  }
  return overrides;
}
