/**
 * Every finding about one `.sops.yaml` (or `.sops.yml`) text: what makes sops fail to load it, what sops silently
 * ignores (check-shape.ts), and what makes a rule unusable or unreachable (check-rules.ts).
 */
import { posix } from 'node:path';
import { RuleChecker } from './check-rules.js';
import { diagnostic, tidyDiagnostics, type ConfigDiagnostic } from './diagnostic.js';
import { IGNORED_SOPS_CONFIG_NAME } from './discovery.js';
import { parseSopsConfigLocated, type LocatedSopsConfig } from './parse.js';

/** `parsed`: the text's parse when the caller has it (SourceFile.sopsConfig()), so it is not parsed again. */
export function lintSopsConfig(text: string, configPath: string, parsed: LocatedSopsConfig = parseSopsConfigLocated(text, configPath)): ConfigDiagnostic[] {
  const found: ConfigDiagnostic[] = [];
  if (posix.basename(configPath) === IGNORED_SOPS_CONFIG_NAME) {
    found.push(
      diagnostic(
        'sops never reads `.sops.yml` (it only warns "the config file must be called .sops.yaml"): rename it to `.sops.yaml`',
        { line: 1, column: 1 },
        'warning',
      ),
    );
  }
  if (parsed.diagnostics.some((d) => d.message.startsWith('invalid YAML'))) return [...found, ...parsed.diagnostics];
  const checker = new RuleChecker(parsed.located.info);
  for (const rule of parsed.config.creationRules) checker.check(rule);
  checker.unreachable(parsed.config.creationRules);
  return tidyDiagnostics([...found, ...parsed.shapeDiagnostics, ...checker.out]);
}
