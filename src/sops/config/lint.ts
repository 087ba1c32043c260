/**
 * Every finding about one `.sops.yaml` (or `.sops.yml`) text: what makes sops fail to load it, what sops silently
 * ignores (check-shape.ts), and what makes a rule unusable or unreachable (check-rules.ts).
 */
import { posix } from 'node:path';
import { RuleChecker } from './check-rules.js';
import { diagnostic, tidyDiagnostics, type ConfigDiagnostic } from './diagnostic.js';
import { IGNORED_SOPS_CONFIG_NAME } from './discovery.js';
import { parseSopsConfigLocated } from './parse.js';

export function lintSopsConfig(text: string, configPath: string): ConfigDiagnostic[] {
  const found: ConfigDiagnostic[] = [];
  if (posix.basename(configPath) === IGNORED_SOPS_CONFIG_NAME) {
    found.push(diagnostic('sops never reads `.sops.yml` (it only warns "the config file must be called .sops.yaml"): rename it to `.sops.yaml`', { line: 1, column: 1 }, 'warning'));
  }
  const parsed = parseSopsConfigLocated(text, configPath);
  if (parsed.diagnostics.some((d) => d.message.startsWith('invalid YAML'))) return [...found, ...parsed.diagnostics];
  const checker = new RuleChecker(parsed.located.info);
  for (const rule of parsed.config.creationRules) checker.check(rule);
  checker.unreachable(parsed.config.creationRules);
  return tidyDiagnostics([...found, ...parsed.shapeDiagnostics, ...checker.out]);
}
