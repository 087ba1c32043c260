/**
 * Each sops file is parsed once per scan: every sops rule, the ciphertext filter and the MAC verification read the
 * same parse through the file's SourceFile (src/engine/source-file.ts). The parser entry is counted per path; a
 * cache that only works for one file at a time (files interleave in a scan) shows up as a count above one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import * as stores from '../../src/sops/stores/index.js';
import { isolatedEnv, makeRepo, type TestRepo } from '../helpers/git-repo.js';
import { macMismatchFile, PUBLISHED_IDENTITY, sopsFileForPublishedKey, SOPS_YAML } from '../helpers/published-age-key.js';

vi.mock('../../src/sops/stores/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/sops/stores/index.js')>();
  return { ...original, parseSopsFile: vi.fn<typeof original.parseSopsFile>(original.parseSopsFile) };
});

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  vi.mocked(stores.parseSopsFile).mockClear();
});

const SOPS_FILES = ['secrets/a.yaml', 'secrets/b.yaml', 'secrets/c.yaml', 'secrets/d.yaml', 'secrets/e.yaml', 'secrets/mismatch.yaml'];

async function repoWithSopsFiles(): Promise<TestRepo> {
  const made = makeRepo();
  made.write('.sops.yaml', SOPS_YAML);
  for (const [i, path] of SOPS_FILES.entries())
    made.write(path, path.includes('mismatch') ? await macMismatchFile() : await sopsFileForPublishedKey({ [`key${i}`]: `value ${i}` }));
  // Plain files between them, so that files interleave in the scan as they do in a real repository.
  for (let i = 0; i < 40; i++) made.write(`src/module${i}.ts`, `export const value${i} = ${i};\n`);
  made.git('add', '-A');
  return made;
}

function parsesPerPath(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [path] of vi.mocked(stores.parseSopsFile).mock.calls) counts.set(path, (counts.get(path) ?? 0) + 1);
  return counts;
}

describe.each(['all', 'staged'] as const)('a %s scan', (kind) => {
  it('parses each sops file once, and every sops rule still reports', async () => {
    repo = await repoWithSopsFiles();
    vi.mocked(stores.parseSopsFile).mockClear();
    const result = await lint({ cwd: repo.dir, env: isolatedEnv(), mode: { kind }, threads: 0, ageKeys: { identities: [PUBLISHED_IDENTITY] } });
    expect(result.findings.map((f) => `${f.path} ${f.ruleId}`)).toEqual(['secrets/mismatch.yaml sops-mac-mismatch']);
    expect(result.summary.notes).toContain(`sops MAC verified for ${SOPS_FILES.length} file(s); 0 could not be verified (no matching age identity)`);
    const counts = parsesPerPath();
    for (const path of SOPS_FILES) expect({ path, parses: counts.get(path) }).toEqual({ path, parses: 1 });
  });
});
