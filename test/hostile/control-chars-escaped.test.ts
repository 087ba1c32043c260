/**
 * File names and keys with terminal control sequences (ESC, CR, BEL, C1 CSI) or Unicode bidi overrides reach no
 * report raw: stylish and github write them as escapes (`\x1b`, `\u202e`); JSON and SARIF escape them too, and
 * still carry the real name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsIn, FORMATS, stageAndCheck, type Format, type Run } from '../helpers/every-format.js';
import { fake } from '../helpers/fake-tokens.js';
import type { TestRepo } from '../helpers/git-repo.js';

const ESC_NAME = 'evil\x1b[2J\x1b[31mname.txt';
const BIDI_NAME = 'notes\u202eTXT.sh';
const CSI_NAME = 'c1\u009b2Jname.txt';
const RAW = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

let repo: TestRepo;
let runs: Record<Format, Run>;

beforeAll(() => {
  const files: Record<string, string> = Object.fromEntries([ESC_NAME, BIDI_NAME, CSI_NAME].map((name, i) => [name, `token: ${fake.github(61 + i)}\n`]));
  // A misspelt key sops ignores, spelt with YAML escapes: ESC, BEL and CR in the key `sops-config` names.
  files['.sops.yaml'] =
    'creation_rules:\n  - "\\e[31mpath_regexp\\a\\r": secrets/.*\n    age: age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr\n';
  ({ repo, runs } = stageAndCheck(files));
});
afterAll(() => repo.cleanup());

describe('control characters from the repository', () => {
  it('never reach any report raw', () => {
    for (const format of FORMATS) {
      expect(runs[format].status, format).toBe(1);
      expect(RAW.exec(runs[format].stdout + runs[format].stderr), format).toBeNull();
    }
  });

  it('are shown as escapes in stylish and github, paths and messages alike', () => {
    for (const format of ['stylish', 'github'] as const) {
      const out = runs[format].stdout;
      expect(out, format).toContain('evil\\x1b[2J\\x1b[31mname.txt');
      expect(out, format).toContain('notes\\u202eTXT.sh');
      expect(out, format).toContain('c1\\x9b2Jname.txt');
      expect(out, format).toContain('`\\x1b[31mpath_regexp\\x07\\x0d` is not a creation rule key');
    }
  });

  it('leave JSON and SARIF with the real names, and every finding in place', () => {
    for (const format of ['json', 'sarif'] as const) {
      const found = findingsIn(format, runs[format].stdout);
      for (const name of [ESC_NAME, BIDI_NAME, CSI_NAME]) expect(found, format).toContain(`${name} secretlint/github`);
      expect(found, format).toContain('.sops.yaml sops-config');
    }
    expect(findingsIn('stylish', runs.stylish.stdout)).toContain('notes\\u202eTXT.sh secretlint/github');
  });
});
