/**
 * SARIF 2.1.0 for code scanning: rule metadata in tool.driver.rules (rule-presentation.ts), repository-relative
 * URIs, the real version, and a partial fingerprint per result so GitHub tracks an alert from one run and commit to
 * the next. Findings of adapter rules (`secretlint/<rule>`) get a rule entry of their own. The run's invocation
 * carries the summary and one notification per file the rules never read (binary, over the size cap).
 */
import type { Finding, Rule, ScanResult } from '../types.js';
import { jsonForTerminal } from '../util/terminal-text.js';
import { skippedSuffix } from './skipped.js';
import { findingKeys } from './finding-keys.js';
import { friendlyName, presentationOf } from './rule-presentation.js';
import type { Formatter } from './types.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFO_URI = 'https://github.com/secrets-guard/secrets-guard#readme';
/** The partialFingerprints key; a new version if what it hashes ever changes, so old alerts are not mismatched. */
const FINGERPRINT_KEY = 'secretsGuard/v1';

export const sarif: Formatter = (result, { rules, toolVersion }) => {
  const ruleIds = [...new Set([...rules.map((r) => r.meta.id), ...result.findings.map((f) => f.ruleId)])];
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const fingerprints = findingKeys(result.findings);
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
        results: result.findings.map((f, i) => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId),
          level: f.severity === 'error' ? 'error' : 'warning',
          message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.path), region: region(f) } }],
          partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[i]! },
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

function region(f: Finding) {
  const start = { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) };
  if (f.endLine === undefined || f.endColumn === undefined || f.endLine < start.startLine) return start;
  if (f.endLine === start.startLine && f.endColumn <= start.startColumn) return start;
  return { ...start, endLine: f.endLine, endColumn: f.endColumn };
}

function describeRule(id: string, rule: Rule<unknown> | undefined) {
  const p = presentationOf(id, rule);
  return {
    id,
    name: friendlyName(id),
    shortDescription: { text: p.short },
    fullDescription: { text: `${p.short}. ${p.why}` },
    help: {
      text: `${p.why}\n\n${p.ways.join('\n')}\n\nDocumentation: ${p.helpUri}`,
      markdown: `${p.why}\n\n${p.ways.map((w) => `- ${w}`).join('\n')}\n\n[Documentation of \`${id.split('/')[0]}\`](${p.helpUri})`,
    },
    defaultConfiguration: { level: p.severity },
    helpUri: p.helpUri,
    properties: { 'security-severity': p.securitySeverity, precision: p.precision, tags: [...p.tags] },
  };
}
