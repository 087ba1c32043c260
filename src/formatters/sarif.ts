/**
 * SARIF 2.1.0 for code scanning: rule metadata in tool.driver.rules, repository-relative URIs, the real version.
 * Findings of adapter rules (`secretlint/<rule>`) get a rule entry of their own. The run's invocation carries the
 * summary and one notification per file the rules never read (binary, over the size cap).
 */
import type { Rule, ScanResult } from '../types.js';
import { jsonForTerminal } from '../util/terminal-text.js';
import { skippedSuffix } from './skipped.js';
import type { Formatter } from './types.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFO_URI = 'https://www.npmjs.com/package/secrets-guard';
/** Each rule's page in the repository package.json names (test/registry.test.ts keeps the two in step). */
const RULE_DOCS_URI = 'https://github.com/secrets-guard/secrets-guard/blob/main/docs/rules/';

export const sarif: Formatter = (result, { rules, toolVersion }) => {
  const ruleIds = [...new Set([...rules.map((r) => r.meta.id), ...result.findings.map((f) => f.ruleId)])];
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'secrets-guard',
            version: toolVersion,
            semanticVersion: toolVersion,
            informationUri: INFO_URI,
            rules: ruleIds.map((id) => describeRule(id, byId.get(id) ?? byId.get(id.split('/')[0]!))),
          },
        },
        invocations: [invocation(result)],
        columnKind: 'utf16CodeUnits',
        results: result.findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId),
          level: f.severity === 'error' ? 'error' : 'warning',
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(f.path),
                region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
              },
            },
          ],
          ...(f.commit ? { properties: { commit: f.commit } } : {}),
        })),
      },
    ],
  };
  return jsonForTerminal(log) + '\n';
};

const artifactLocation = (path: string) => ({ uri: encodeURI(path), uriBaseId: '%SRCROOT%' });

function invocation(result: ScanResult) {
  const { errors, warnings, filesScanned } = result.summary;
  const summary = `secrets-guard: ${errors} error(s), ${warnings} warning(s) in ${filesScanned} file(s)${skippedSuffix(result.skipped)}`;
  return {
    executionSuccessful: true,
    toolExecutionNotifications: [
      { level: 'note', message: { text: summary } },
      ...result.skipped.map((s) => ({
        level: s.kind === 'binary' ? 'note' : 'warning',
        message: { text: `skipped ${s.path}: ${s.reason}` },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(s.path) } }],
      })),
    ],
  };
}

function describeRule(id: string, rule: Rule<unknown> | undefined) {
  const description = rule && rule.meta.id === id ? rule.meta.description : `${rule?.meta.description ?? 'secret detector'} (${id})`;
  return {
    id,
    name: id,
    shortDescription: { text: description },
    defaultConfiguration: { level: rule?.meta.defaultSeverity === 'warning' ? 'warning' : 'error' },
    // A sub-rule (`secretlint/github`) is documented on its rule's page.
    helpUri: `${RULE_DOCS_URI}${id.split('/')[0]}.md`,
  };
}
