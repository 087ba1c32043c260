/**
 * Every report format through the built binary: shape, masking of planted secrets, SARIF validity against the
 * official 2.1.0 schema, --output, colour rules.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import AjvModule from 'ajv-draft-04';
import formatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, PROJECT_ROOT, type TestRepo } from '../helpers/git-repo.js';
import { ageKey, opensshKey } from '../helpers/keys.js';

const require = createRequire(import.meta.url);
// Both packages are CommonJS with a default export; under NodeNext the class sits on `.default`.
const Ajv = AjvModule.default;
const addFormats = formatsModule.default;
let repo: TestRepo;
const planted: string[] = [];

beforeAll(async () => {
  repo = makeRepo();
  const { identity } = await ageKey();
  const ssh = opensshKey().privateKey;
  const password = 'prod-Zk8q9pLw2mXv';
  planted.push(identity, password, ...ssh.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----')));
  repo.write('.env', `DB_PASSWORD=${password}\n`);
  repo.write('keys/age.txt', `${identity}\n`);
  repo.write('deploy/id_ed25519', ssh);
  repo.write('terraform.tfstate', '{}');
  repo.write('assets/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])); // skipped: a SARIF notification
  repo.git('add', '.');
});
afterAll(() => repo.cleanup());

function assertNoSecret(text: string): void {
  for (const secret of planted) expect(text).not.toContain(secret);
}

describe('report formats', () => {
  it('stylish groups by file with line:column, severity, message and rule id, and masks secrets', () => {
    const out = repo.guard(['check']);
    expect(out.status).toBe(1);
    assertNoSecret(out.stdout + out.stderr);
    expect(out.stdout).toMatch(/^\.env\n\s+1:13\s+error\s+plaintext env file .* plaintext-env-file$/m);
    expect(out.stdout).toMatch(/keys\/age\.txt\n\s+1:1\s+error\s+age identity .* private-key$/m);
    expect(out.stdout).toMatch(/✖ 4 problem\(s\) \(4 error\(s\), 0 warning\(s\)\) in 4 file\(s\) scanned/);
    expect(out.stdout).not.toMatch(/\x1b\[/); // NO_COLOR and not a terminal
  });

  it('--color forces colour, even with NO_COLOR (the flag wins over the environment); the last flag given counts', () => {
    expect(repo.guard(['check', '--color'], { NO_COLOR: '' }).stdout).toMatch(/\x1b\[/);
    expect(repo.guard(['check', '--color', '--no-color'], { NO_COLOR: '' }).stdout).not.toMatch(/\x1b\[/);
    expect(repo.guard(['check', '--color']).stdout).toMatch(/\x1b\[/);
  });

  it('json is one stable object', () => {
    const out = repo.guard(['check', '--format', 'json']);
    assertNoSecret(out.stdout);
    const report = JSON.parse(out.stdout);
    expect(Object.keys(report)).toEqual(['findings', 'skipped', 'summary']);
    expect(report.findings.map((f: { path: string; ruleId: string }) => `${f.path} ${f.ruleId}`)).toEqual([
      '.env plaintext-env-file',
      'deploy/id_ed25519 private-key',
      'keys/age.txt private-key',
      'terraform.tfstate terraform-state',
    ]);
    expect(Object.keys(report.findings[0])).toEqual(['ruleId', 'severity', 'path', 'line', 'column', 'message']);
    expect(report.summary).toMatchObject({ filesScanned: 4, errors: 4, warnings: 0 });
  });

  it('sarif validates against the official SARIF 2.1.0 schema and carries the real version', () => {
    const out = repo.guard(['check', '--format', 'sarif']);
    assertNoSecret(out.stdout);
    const log = JSON.parse(out.stdout);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
    expect(log.runs[0].tool.driver.version).toBe(pkg.version);
    const ruleIds = log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toContain('private-key');
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('.env');
    expect(log.runs[0].invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text)).toEqual([
      'secrets-guard: 4 error(s), 0 warning(s) in 4 file(s); 1 file(s) skipped (1 binary)',
      'skipped assets/logo.png: binary content',
    ]);
    for (const result of log.runs[0].results) expect(ruleIds[result.ruleIndex]).toBe(result.ruleId);
  });

  it('--output writes the report and keeps the exit code', () => {
    const out = repo.guard(['check', '--format', 'json', '--output', 'report.json']);
    expect(out.status).toBe(1);
    expect(out.stdout).toBe('');
    const report = JSON.parse(repo.read('report.json'));
    expect(report.summary.errors).toBe(4);
    assertNoSecret(repo.read('report.json'));
  });
});
