/**
 * `--format gitlab` through the built binary: a secret detection report GitLab ingests. GitLab's published schema
 * (security-report-schemas, secret-detection-report-format.json 15.x) is not vendored here; REPORT_SCHEMA below
 * states the parts of it that GitLab enforces on such a report (required fields, enums, the timestamp pattern),
 * and ajv checks the real output against them.
 */
import AjvModule from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestRepo } from '../helpers/git-repo.js';
import { repoWithLeakCommit } from '../helpers/leak-commit.js';
import { fake } from '../helpers/fake-tokens.js';

// CommonJS with a default export: under NodeNext the class sits on `.default`.
const Ajv = AjvModule.default;
const tool = {
  type: 'object',
  required: ['id', 'name', 'version', 'vendor'],
  properties: {
    id: { type: 'string', minLength: 1 },
    name: { type: 'string', minLength: 1 },
    version: { type: 'string', minLength: 1 },
    vendor: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } } },
  },
};
const time = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$' };
const REPORT_SCHEMA = {
  type: 'object',
  required: ['version', 'scan', 'vulnerabilities'],
  properties: {
    version: { type: 'string', pattern: '^15\\.[0-9]+\\.[0-9]+$' },
    schema: { type: 'string', pattern: '^https://' },
    scan: {
      type: 'object',
      required: ['analyzer', 'scanner', 'type', 'start_time', 'end_time', 'status'],
      properties: {
        analyzer: tool,
        scanner: tool,
        type: { const: 'secret_detection' },
        start_time: time,
        end_time: time,
        status: { enum: ['success', 'failure'] },
      },
    },
    vulnerabilities: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'identifiers', 'location'],
        properties: {
          id: { type: 'string', minLength: 1 },
          category: { const: 'secret_detection' },
          name: { type: 'string', maxLength: 255 },
          description: { type: 'string', maxLength: 1048576 },
          severity: { enum: ['Info', 'Unknown', 'Low', 'Medium', 'High', 'Critical'] },
          solution: { type: 'string', maxLength: 7000 },
          identifiers: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['type', 'name', 'value'],
              properties: { type: { type: 'string', minLength: 1 }, name: { type: 'string', minLength: 1 }, value: { type: 'string', minLength: 1 } },
            },
          },
          location: {
            type: 'object',
            required: ['file', 'commit'],
            properties: {
              file: { type: 'string', minLength: 1 },
              start_line: { type: 'integer', minimum: 1 },
              end_line: { type: 'integer', minimum: 1 },
              commit: { type: 'object', required: ['sha'], properties: { sha: { type: 'string', minLength: 1 } } },
            },
          },
        },
      },
    },
  },
};

let repo: TestRepo;
const password = 'prod-Zk8q9pLw2mXv';
const token = fake.github();

beforeAll(() => {
  repo = repoWithLeakCommit({ '.env': `DB_PASSWORD=${password}\n`, 'src/client.js': `export const token = "${token}";\n`, 'terraform.tfstate': '{}' });
});
afterAll(() => repo.cleanup());

function report(...args: string[]) {
  const out = repo.guard(['check', ...args, '--format', 'gitlab']);
  expect(out.stderr).toBe('');
  expect(out.status).toBe(1);
  for (const secret of [password, token]) expect(out.stdout).not.toContain(secret);
  return JSON.parse(out.stdout);
}

describe('--format gitlab', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(REPORT_SCHEMA);

  it('writes a secret detection report with the fields GitLab requires, for --all', () => {
    const all = report('--all');
    expect(validate(all), JSON.stringify(validate.errors)).toBe(true);
    expect(all.scan.analyzer).toMatchObject({ id: 'secrets-guard', vendor: { name: 'secrets-guard' } });
    expect(all.scan.start_time <= all.scan.end_time).toBe(true);
    const byRule = new Map(all.vulnerabilities.map((v: { identifiers: Array<{ value: string }> }) => [v.identifiers[0]!.value, v]));
    expect([...byRule.keys()].sort()).toEqual(['plaintext-env-file', 'secretlint/github', 'terraform-state']);
    expect(byRule.get('secretlint/github')).toMatchObject({
      category: 'secret_detection',
      severity: 'Critical',
      location: { file: 'src/client.js', start_line: 1, end_line: 1, commit: { sha: '0000000' } },
      identifiers: [{ type: 'secrets_guard_rule_id', value: 'secretlint/github', url: expect.stringMatching(/docs\/rules\/secretlint\.md$/) }],
    });
    expect(byRule.get('plaintext-env-file')).toMatchObject({ severity: 'High', description: expect.stringMatching(/^plaintext env file/) });
    expect(new Set(all.vulnerabilities.map((v: { id: string }) => v.id)).size).toBe(3);
  });

  it('names the commit of each finding in --range mode', () => {
    const range = report('--range', 'HEAD~1..HEAD');
    expect(validate(range), JSON.stringify(validate.errors)).toBe(true);
    const head = repo.git('rev-parse', 'HEAD').trim();
    expect(range.vulnerabilities.map((v: { location: { commit: { sha: string } } }) => v.location.commit.sha)).toEqual([head, head, head]);
  });

  it('is an empty list of vulnerabilities on a clean scan, exit 0', () => {
    const out = repo.guard(['check', 'README.md', '--format', 'gitlab']);
    expect(out.status).toBe(0);
    const clean = JSON.parse(out.stdout);
    expect(validate(clean), JSON.stringify(validate.errors)).toBe(true);
    expect(clean.vulnerabilities).toEqual([]);
  });
});
