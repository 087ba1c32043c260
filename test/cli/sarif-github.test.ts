/**
 * The SARIF report as GitHub code scanning takes it: the validator's GitHub rules (test/helpers/sarif-github-rules.ts)
 * on the built CLI's real output, rule metadata code scanning shows (friendly names, descriptions, help,
 * security-severity, tags), and partial fingerprints that follow a finding across runs and commits without
 * carrying its secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import type { TestRepo } from '../helpers/git-repo.js';
import { repoWithLeakCommit } from '../helpers/leak-commit.js';
import { fake } from '../helpers/fake-tokens.js';
import { opensshKey } from '../helpers/keys.js';
import { githubSarifViolations } from '../helpers/sarif-github-rules.js';

interface Result {
  ruleId: string;
  partialFingerprints: Record<string, string>;
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }>;
  properties?: { commit: string };
}

let repo: TestRepo;
const password = 'prod-Zk8q9pLw2mXv';
const token = fake.github();
const ssh = opensshKey().privateKey;
const planted = [password, token, ...ssh.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'))];

function sarif(...args: string[]): { runs: Array<{ tool: { driver: { rules: Array<Record<string, any>> } }; results: Result[] }> } {
  const out = repo.guard(['check', ...args, '--format', 'sarif']);
  expect(out.stderr).toBe('');
  for (const secret of planted) expect(out.stdout).not.toContain(secret);
  return JSON.parse(out.stdout);
}

const fingerprintsOf = (results: Result[]) =>
  results.map((r) => `${r.ruleId} ${r.locations[0]!.physicalLocation.artifactLocation.uri} ${r.partialFingerprints['secretsGuard/v1']}`);

beforeAll(() => {
  repo = repoWithLeakCommit({
    '.env': `DB_PASSWORD=${password}\n`,
    'deploy/id_ed25519': ssh,
    'src/client.js': `export const token = "${token}";\nexport const apiSecret = "${fake.genericBase64(9, 44)}";\n`,
    'terraform.tfstate': '{}',
  });
});
afterAll(() => repo.cleanup());

describe('SARIF for GitHub code scanning', () => {
  it("passes the SARIF validator's GitHub rules, in --all and in --range mode", () => {
    const all = sarif('--all');
    expect(all.runs[0]!.results.map((r) => r.ruleId).sort()).toEqual([
      'generic-credential',
      'plaintext-env-file',
      'private-key',
      'secretlint/github',
      'terraform-state',
    ]);
    expect(githubSarifViolations(all)).toEqual([]);
    expect(githubSarifViolations(sarif('--range', 'HEAD~1..HEAD'))).toEqual([]);
  });

  it('describes every rule: PascalCase name unlike the id, full description, help in text and markdown, severity and tags', () => {
    const described = sarif('--all').runs[0]!.tool.driver.rules;
    expect(described.map((r) => r.id)).toEqual(expect.arrayContaining([...rules.map((r) => r.meta.id), 'secretlint/github']));
    for (const rule of described) {
      expect(rule.name).not.toBe(rule.id);
      expect(rule.fullDescription.text).not.toBe(rule.shortDescription.text);
      expect(rule.help.markdown).toContain(`](${rule.helpUri})`);
      expect(rule.help.text).toMatch(/secrets-guard-allow[\s\S]*secrets-guard baseline/);
      const severity = Number(rule.properties['security-severity']);
      expect(severity, rule.id).toBeGreaterThan(0);
      expect(severity, rule.id).toBeLessThanOrEqual(10);
      expect(rule.properties.tags).toContain('security');
    }
    const byId = new Map(described.map((r) => [r.id, r]));
    expect(byId.get('private-key')).toMatchObject({
      name: 'PrivateKey',
      properties: { 'security-severity': '9.5', tags: ['security', 'secret', 'private-key'] },
    });
    expect(byId.get('secretlint/github')!.name).toBe('SecretlintGithub');
    expect(Number(byId.get('high-entropy-string')!.properties['security-severity'])).toBeLessThan(7); // a heuristic: medium
  });

  it('gives each result a region over the secret where the rule located it', () => {
    const env = sarif('--all').runs[0]!.results.find((r) => r.ruleId === 'plaintext-env-file')!;
    expect(env.locations[0]!.physicalLocation.region).toEqual({ startLine: 1, startColumn: 13, endLine: 1, endColumn: 13 + password.length });
  });

  it('fingerprints stay put across runs and commits that move the finding, and never carry the secret', () => {
    const before = fingerprintsOf(sarif('--all').runs[0]!.results);
    expect(fingerprintsOf(sarif('--all').runs[0]!.results)).toEqual(before); // a second run: same values
    expect(new Set(before.map((f) => f.split(' ')[2])).size).toBe(before.length);
    for (const f of before) expect(f).toMatch(/ [0-9a-f]{64}:1$/);

    // Lines added above every finding, in a new commit: the findings move, their fingerprints do not.
    repo.write('.env', `# database\nAPP_ENV=production\nDB_PASSWORD=${password}\n`);
    repo.write('src/client.js', `// api client\n${repo.read('src/client.js')}`);
    repo.git('commit', '-q', '-am', 'move');
    const moved = sarif('--all').runs[0]!.results;
    expect(moved.find((r) => r.ruleId === 'secretlint/github')!.locations[0]!.physicalLocation.region.startLine).toBe(2);
    const movedEnv = fingerprintsOf(moved).filter((f) => !f.startsWith('plaintext-env-file'));
    expect(movedEnv).toEqual(before.filter((f) => !f.startsWith('plaintext-env-file')));

    // In range mode the same finding read from two commits is one alert: same fingerprint, commits in properties.
    const range = sarif('--range', 'HEAD~2..HEAD').runs[0]!.results.filter((r) => r.ruleId === 'secretlint/github');
    expect(range.map((r) => r.properties?.commit).filter(Boolean)).toHaveLength(2);
    expect(new Set(range.map((r) => r.partialFingerprints['secretsGuard/v1'])).size).toBe(1);
  });
});

describe('the GitHub rules check itself', () => {
  it('reports what the validator reported on the old output: no fullDescription or help, name equal to id, no fingerprints', () => {
    const old = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'secrets-guard',
              rules: [{ id: 'private-key', name: 'private-key', shortDescription: { text: 'Private key' }, helpUri: 'https://example.invalid' }],
            },
          },
          results: [
            {
              ruleId: 'private-key',
              message: { text: 'key' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 1 } } }],
            },
          ],
        },
      ],
    };
    expect(githubSarifViolations(old)).toEqual([
      'GH2012 /runs/0/tool/driver/rules/0: no fullDescription',
      'GH2012 /runs/0/tool/driver/rules/0: no help',
      'SARIF2012 /runs/0/tool/driver/rules/0/name: private-key is not a Pascal identifier',
      'GH1015 /runs/0/results/0: no partialFingerprints',
    ]);
  });
});
