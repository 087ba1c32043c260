/**
 * The allow markers of gitleaks (`gitleaks:allow`) and detect-secrets (`pragma: allowlist secret`,
 * `pragma: allowlist nextline secret`) are honoured where those tools read them, in comments only: a team moving
 * from them keeps its annotations, and a marker written as data (a string value) still silences nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { allowMarkersIn } from '../../src/engine/suppressions.js';
import { buildLineIndex } from '../../src/util/positions.js';
import { fake } from '../helpers/fake-tokens.js';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

/** The 1-based lines of `content` whose findings a marker silences. */
const allowed = (path: string, content: string): number[] => {
  const lines = content.split('\n');
  const markers = allowMarkersIn(path, buildLineIndex(content));
  return lines.map((_, i) => i + 1).filter((n) => markers.allows(n));
};

describe('migration markers, line by line', () => {
  const table: Array<[path: string, content: string, lines: number[]]> = [
    ['a.yaml', 'token: x # gitleaks:allow\nnext: y\n', [1]],
    ['a.ts', 'const t = "x"; // gitleaks:allow\n', [1]],
    ['a.yaml', '# gitleaks:allow\ntoken: x\n', [1]], // gitleaks reads its marker on the finding's line only
    ['a.py', 'key = "x"  # pragma: allowlist secret\nnext = 1\n', [1]],
    ['a.py', 'key = "x"  # pragma: whitelist secret\n', [1]],
    ['a.py', 'key = "x"  #pragma:allowlist-secret\n', [1]],
    ['a.py', '# pragma: allowlist nextline secret\nkey = "x"\nother = "y"\n', [2]],
    ['a.go', '\t// pragma: allowlist nextline secret\n\tkey := "x"\n', [2]],
    ['a.sql', "SELECT 'x'; -- pragma: allowlist secret\n", [1]],
    ['a.xml', '<key>x</key> <!-- pragma: allowlist secret -->\n', [1]],
    // Not markers: in a string, in JSON, not alone above the line, part of a longer word, not at the comment's start.
    ['a.yaml', 'token: "x # gitleaks:allow"\n', []],
    ['a.yaml', "token: 'x # pragma: allowlist secret'\n", []],
    ['a.ts', 'const note = "// pragma: allowlist nextline secret";\nconst t = "x";\n', []],
    ['a.json', '{ "t": "x", "note": "gitleaks:allow" }\n', []],
    ['a.py', 'key = 1  # pragma: allowlist nextline secret\nother = "x"\n', []],
    ['a.yaml', 'token: x # gitleaks:allowed\n', []],
    ['a.py', 'key = "x"  # see pragma: allowlist secret\n', []],
  ];
  for (const [path, content, lines] of table) {
    it(`${path}: ${JSON.stringify(content)} -> ${JSON.stringify(lines)}`, () => {
      expect(allowed(path, content)).toEqual(lines);
    });
  }
});

describe('migration markers through check', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  it('silence a staged token in a comment, not in a string value', () => {
    const token = fake.github();
    repo = makeRepo();
    repo.write('deploy/gitleaks.yaml', `token: ${token} # gitleaks:allow\n`);
    repo.write('deploy/detect.py', `# pragma: allowlist nextline secret\nTOKEN = "${token}"\nOTHER = "${token}"  # pragma: allowlist secret\n`);
    repo.write('deploy/data.yaml', `token: "${token}"\nnote: "# gitleaks:allow"\nvalue: "${token} # pragma: allowlist secret"\n`);
    repo.git('add', '-A');
    const out = repo.guard(['check', '--format', 'json']);
    expect(out.status, out.stderr).toBe(1);
    const report = JSON.parse(out.stdout) as { findings: Array<{ path: string; line: number }>; summary: { notes: string[] } };
    expect([...new Set(report.findings.map((f) => `${f.path}:${f.line}`))].sort()).toEqual(['deploy/data.yaml:1', 'deploy/data.yaml:3']);
    expect(report.summary.notes).toContain('3 finding(s) suppressed by allow comments');
  });
});
