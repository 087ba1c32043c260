/**
 * A token in a UTF-16 or UTF-32 file (PowerShell 5 writes UTF-16LE with a BOM) is found, at its line and column in
 * the decoded text, in every format. Without a BOM too: an attacker can drop it. And text of another encoding
 * spliced in after a UTF-16 BOM is still read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFindingEverywhere, expectNoPieceOf, stageAndCheck, type Format, type Run } from '../helpers/every-format.js';
import { fake } from '../helpers/fake-tokens.js';
import type { TestRepo } from '../helpers/git-repo.js';

const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();
function utf32(text: string, littleEndian: boolean): Buffer {
  const points = [...text].map((c) => c.codePointAt(0)!);
  const out = Buffer.alloc(points.length * 4);
  points.forEach((p, i) => (littleEndian ? out.writeUInt32LE(p, i * 4) : out.writeUInt32BE(p, i * 4)));
  return out;
}
const BOM = { utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff], utf32le: [0xff, 0xfe, 0, 0], utf32be: [0, 0, 0xfe, 0xff] };
const script = (token: string): string => `# deploy settings\r\n$token = "${token}"\r\n`;

const CASES: ReadonlyArray<{ path: string; encode: (text: string) => Buffer }> = [
  { path: 'ps/utf16le-bom.ps1', encode: (t) => Buffer.concat([Buffer.from(BOM.utf16le), Buffer.from(t, 'utf16le')]) },
  { path: 'ps/utf16be-bom.ps1', encode: (t) => Buffer.concat([Buffer.from(BOM.utf16be), utf16be(t)]) },
  { path: 'ps/utf32le-bom.txt', encode: (t) => Buffer.concat([Buffer.from(BOM.utf32le), utf32(t, true)]) },
  { path: 'ps/utf32be-bom.txt', encode: (t) => Buffer.concat([Buffer.from(BOM.utf32be), utf32(t, false)]) },
  { path: 'ps/utf16le-no-bom.ps1', encode: (t) => Buffer.from(t, 'utf16le') },
  { path: 'ps/utf16be-no-bom.ps1', encode: (t) => utf16be(t) },
  {
    // A UTF-16 BOM and first line, then the rest in UTF-8: read as UTF-16 only, the token would be noise.
    path: 'ps/utf16-then-utf8.txt',
    encode: (t) => {
      const [first, ...rest] = t.split('\r\n');
      return Buffer.concat([Buffer.from(BOM.utf16le), Buffer.from(`${first}\r\n`, 'utf16le'), Buffer.from(rest.join('\r\n'), 'utf8')]);
    },
  },
  {
    // UTF-8 past the 8000 bytes a binary check looks at, then the token in UTF-16.
    path: 'ps/utf8-then-utf16.txt',
    encode: (t) => Buffer.concat([Buffer.from('# padding line of plain text\n'.repeat(300), 'utf8'), Buffer.from(t, 'utf16le')]),
  },
];
const tokens = CASES.map((_, i) => fake.github(100 + i));

let repo: TestRepo;
let runs: Record<Format, Run>;
beforeAll(() => {
  ({ repo, runs } = stageAndCheck(Object.fromEntries(CASES.map((c, i) => [c.path, c.encode(script(tokens[i]!))]))));
});
afterAll(() => repo.cleanup());

describe('a token in a UTF-16 or UTF-32 file', () => {
  CASES.forEach((c, i) => {
    it(`is found in ${c.path}, in every format, and never printed`, () => {
      expectFindingEverywhere(runs, c.path, 'secretlint/github');
      expectNoPieceOf(runs, tokens[i]!.slice(4));
    });
  });

  it('is reported at its line and column in the decoded text', () => {
    const report = JSON.parse(runs.json.stdout);
    for (const c of CASES.slice(0, 6)) {
      const finding = report.findings.find((f: { path: string; ruleId: string }) => f.path === c.path && f.ruleId === 'secretlint/github');
      expect({ path: c.path, line: finding.line, column: finding.column }).toEqual({ path: c.path, line: 2, column: 11 });
    }
  });

  it('makes no file count as skipped', () => {
    expect(JSON.parse(runs.json.stdout).skipped).toEqual([]);
  });
});
