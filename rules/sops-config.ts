/**
 * sops-config: a `.sops.yaml` that sops cannot load, or that does not do what it says: misspelt keys sops silently
 * ignores (`path_regexp` turns a rule into a catch-all), regexes that are not RE2, unusable recipients, empty key
 * groups, rules without keys or that can never match, and a `.sops.yml`, which sops never reads
 * (docs/sops-format.md §1; the checks live in src/sops/config/lint.ts).
 */
import { isSopsConfigFile } from '../src/sops/config/discovery.js';
import type { Rule } from '../src/types.js';

export const rule: Rule<undefined> = {
  meta: {
    id: 'sops-config',
    description: '.sops.yaml has errors sops reports late or silently ignores (typos, invalid regexes, bad recipients)',
    defaultSeverity: 'error',
    docs: 'docs/rules/sops-config.md',
    presentation: {
      why: 'Mistakes in .sops.yaml rarely fail loudly: they encrypt nothing, everything, or to the wrong people.',
      securitySeverity: '6.0',
      precision: 'high',
      tags: ['security', 'sops', 'configuration'],
    },
  },
  defaultOptions: undefined,
  appliesTo: (path) => isSopsConfigFile(path),
  async check(source, context) {
    // The config linter (YAML, RE2, bech32) loads only when a .sops.yaml is among the checked files.
    const { lintSopsConfig } = await import('../src/sops/config/lint.js');
    for (const d of lintSopsConfig(source.content, source.path, await source.sopsConfig())) {
      // Errors take the configured severity; warning-level checks stay warnings.
      context.report({ message: d.message, line: d.line, column: d.column, ...(d.severity === 'warning' ? { severity: 'warning' } : {}) });
    }
  },
};
