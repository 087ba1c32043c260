/**
 * `--format gitlab`: a GitLab secret detection report (gl-secret-detection-report.json, security report schema
 * 15.x), published by a CI job as `artifacts: reports: secret_detection`. GitLab shows it in the merge request's
 * security widget and the vulnerability report. The schema requires a commit per finding: range mode knows it;
 * other modes scan the index or the disk, not a commit, and say `0000000` as GitLab's own analyzer does.
 */
import type { Finding, Rule } from '../types.js';
import { findingKeys } from './finding-keys.js';
import { presentationOf } from './rule-presentation.js';
import type { FormatContext, Formatter } from './types.js';

const GITLAB_SCHEMA_VERSION = '15.0.7';
const SCHEMA = `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${GITLAB_SCHEMA_VERSION}/dist/secret-detection-report-format.json`;
const TOOL_URL = 'https://github.com/secrets-guard/secrets-guard';
const NO_COMMIT = '0000000';

export const gitlab: Formatter = (result, context) => {
  const byId = new Map(context.rules.map((r) => [r.meta.id, r]));
  const keys = findingKeys(result.findings);
  const tool = { id: 'secrets-guard', name: 'secrets-guard', version: context.toolVersion, vendor: { name: 'secrets-guard' } };
  const report = {
    version: GITLAB_SCHEMA_VERSION,
    schema: SCHEMA,
    scan: {
      analyzer: tool,
      scanner: { ...tool, url: TOOL_URL },
      type: 'secret_detection',
      start_time: timestamp(context.scanStart),
      end_time: timestamp(context.scanEnd ?? context.scanStart),
      status: 'success',
    },
    vulnerabilities: result.findings.map((f, i) => vulnerability(f, keys[i]!, byId.get(f.ruleId) ?? byId.get(f.ruleId.split('/')[0]!))),
  };
  return JSON.stringify(report, null, 2) + '\n';
};

function vulnerability(f: Finding, key: string, rule: Rule<unknown> | undefined) {
  const p = presentationOf(f.ruleId, rule);
  return {
    // Unique in the report (the key ranks identical findings; the commit tells range mode's copies apart).
    id: `${key}${f.commit ? `:${f.commit}` : ''}`,
    category: 'secret_detection',
    name: p.short.slice(0, 255),
    description: f.message,
    severity: severityOf(Number(p.securitySeverity)),
    solution: p.ways.join(' '),
    location: {
      file: f.path,
      start_line: Math.max(1, f.line),
      ...(f.endLine !== undefined && f.endLine >= f.line ? { end_line: f.endLine } : {}),
      commit: { sha: f.commit ?? NO_COMMIT },
    },
    identifiers: [{ type: 'secrets_guard_rule_id', name: `secrets-guard ${f.ruleId}`, value: f.ruleId, url: p.helpUri }],
  };
}

/** GitLab's severities from the security-severity score GitHub uses (9.0+ critical, 7.0+ high, 4.0+ medium). */
function severityOf(score: number): 'Critical' | 'High' | 'Medium' | 'Low' {
  return score >= 9 ? 'Critical' : score >= 7 ? 'High' : score >= 4 ? 'Medium' : 'Low';
}

/** The schema's `YYYY-MM-DDTHH:MM:SS` (UTC, no fraction, no zone). */
function timestamp(date: FormatContext['scanStart']): string {
  return (date ?? new Date(0)).toISOString().slice(0, 19);
}
