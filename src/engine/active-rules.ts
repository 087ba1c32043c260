/** Which rules run, at what severity, with what options: the registry merged with the config and CLI flags. */
import type { GuardConfig } from '../config/guard-config.js';
import type { Rule, Severity } from '../types.js';

export interface ActiveRule {
  readonly rule: Rule<unknown>;
  readonly severity: Severity;
  readonly options: unknown;
}

/** `overrides` are option values the CLI sets (e.g. `--require-verification`), merged over the config's. */
export function activeRules(
  registry: readonly Rule<unknown>[],
  config: GuardConfig,
  overrides: ReadonlyMap<string, Record<string, unknown>> = new Map(),
): ActiveRule[] {
  const active: ActiveRule[] = [];
  for (const rule of registry) {
    const setting = config.rules.get(rule.meta.id);
    const severity = setting?.severity ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    const options = setting?.options ?? rule.defaultOptions;
    const extra = overrides.get(rule.meta.id);
    active.push({ rule, severity, options: extra ? { ...(options as object), ...extra } : options });
  }
  return active;
}
