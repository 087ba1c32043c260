/**
 * Hostile: the allow marker matched as a substring anywhere on the line, so `secrets-guard-allow` written as data
 * (a JSON value, a quoted YAML or code string) silenced a token next to it. It counts only inside a comment of the
 * file's syntax, outside strings, and JSON has no comments at all.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fake } from '../helpers/fake-tokens.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

const TOKEN = fake.github();

/** Paths with findings, from a staged check of these files (JSON report). */
function reportedPaths(files: Record<string, string>): { status: number; paths: string[]; notes: string[] } {
  repo = makeRepo();
  for (const [path, content] of Object.entries(files)) repo.write(path, content);
  repo.git('add', '-A');
  const out = repo.guard(['check', '--format', 'json']);
  expect(out.status, out.stderr).toBeLessThan(2);
  const report = JSON.parse(out.stdout) as { findings: Array<{ path: string }>; summary: { notes: string[] } };
  return { status: out.status, paths: [...new Set(report.findings.map((f) => f.path))].sort(), notes: report.summary.notes };
}

describe('a marker inside a string is data, not a comment', () => {
  it('never suppresses in a string value or in JSON', () => {
    const { status, paths } = reportedPaths({
      'config.json': `{ "password": "x secrets-guard-allow", "token": "${TOKEN}" }\n`,
      'settings.json': `{\n  "note": "// secrets-guard-allow",\n  "token": "${TOKEN}"\n}\n`,
      'values.yaml': `api: { token: "${TOKEN}", note: "# secrets-guard-allow" }\n`,
      'quoted.yaml': `token: '${TOKEN} # secrets-guard-allow'\n`,
      'client.ts': `const token = "${TOKEN}"; const note = "// secrets-guard-allow";\n`,
      'template.ts': `const token = \`${TOKEN} // secrets-guard-allow\`;\n`,
      'notes.txt': `token="${TOKEN}" note='# secrets-guard-allow'\n`,
      'page.html': `<meta content="${TOKEN} <!-- secrets-guard-allow -->">\n`,
    });
    expect(status).toBe(1);
    expect(paths).toEqual(['client.ts', 'config.json', 'notes.txt', 'page.html', 'quoted.yaml', 'settings.json', 'template.ts', 'values.yaml']);
  });

  it("suppresses in a real comment of the file's syntax, and the summary counts it", () => {
    const { status, paths, notes } = reportedPaths({
      'values.yaml': `token: "${TOKEN}" # secrets-guard-allow: a test fixture\n`,
      'client.ts': `// secrets-guard-allow\nconst token = "${TOKEN}";\n`,
      'query.sql': `SELECT '${TOKEN}'; -- secrets-guard-allow\n`,
      'page.html': `<!-- secrets-guard-allow -->\n<meta content="${TOKEN}">\n`,
      'run.bat': `REM secrets-guard-allow\nset TOKEN=${TOKEN}\n`,
      'settings.ini': `; secrets-guard-allow\ntoken = ${TOKEN}\n`,
      'notes.txt': `token=${TOKEN} # secrets-guard-allow\n`,
    });
    expect(paths).toEqual([]);
    expect(status).toBe(0);
    expect(notes).toContain('7 finding(s) suppressed by allow comments');
  });
});
