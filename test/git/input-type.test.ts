/**
 * `sops encrypt --input-type yaml` on a `.json` file writes sops YAML under a JSON name: the guard recognises the
 * format by its content and checks the file in it (MAC included), instead of calling it unparseable.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/git-repo.js';

const ENC_YAML = readFileSync(new URL('../fixtures/sops/humphd-sops-age/tests/data/secret.enc.yaml', import.meta.url), 'utf8');
const KEY_FILE = new URL('../fixtures/sops/humphd-sops-age/key.txt', import.meta.url).pathname;
const SOPS_YAML = `creation_rules:\n  - path_regex: ^secrets/\n    age: >-\n      ${[
  'age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr',
  'age19j4d6v9j7rx5fs629fu387qz4zmlpsqjexa4s08tkfrrmfdl5cwqjlaupd',
  'age13runq29jhy9kfpaegczrzttykerswh0qprq59msgd754yermtfmsa3hwg2',
].join(',')}\n`;

let repo: TestRepo;
afterEach(() => repo?.cleanup());

describe('sops YAML under a .json name', () => {
  it('is checked as YAML: a valid file passes with its MAC verified, a hand-edited one fails', () => {
    repo = makeRepo();
    repo.write('.sops.yaml', SOPS_YAML);
    repo.write('secrets/app.json', ENC_YAML);
    repo.git('add', '-A');
    const ok = repo.guard(['check', '--all', '--format', 'json'], { SOPS_AGE_KEY_FILE: KEY_FILE });
    expect(JSON.parse(ok.stdout).findings).toEqual([]);
    expect(JSON.parse(ok.stdout).summary.notes).toContain('sops MAC verified for 1 file(s); 0 could not be verified (no matching age identity)');
    expect(ok.status).toBe(0);

    repo.write('secrets/app.json', ENC_YAML.replace(/^int: ENC\[[^\n]*$/m, 'int: 2'));
    repo.git('add', '-A');
    const edited = repo.guard(['check', '--all', '--format', 'json'], { SOPS_AGE_KEY_FILE: KEY_FILE });
    const rules = JSON.parse(edited.stdout)
      .findings.map((f: { ruleId: string }) => f.ruleId)
      .sort();
    expect(rules).toEqual(['sops-mac-mismatch', 'sops-plaintext-value']);
  });

  it('plain YAML under a .json name that a rule covers is named for what it is', () => {
    repo = makeRepo();
    repo.write('.sops.yaml', SOPS_YAML);
    repo.write('secrets/db.json', 'password: hunter2-plain\n');
    repo.git('add', '-A');
    const out = repo.guard(['check', '--all', '--format', 'json']);
    const [finding] = JSON.parse(out.stdout).findings;
    expect(finding.message).toContain('holds yaml without sops metadata under a name sops reads as json');
    expect(out.status).toBe(1);
  });
});
