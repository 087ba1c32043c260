/**
 * A configuration error names what is wrong without echoing the value it complains about: a token pasted into
 * `.secrets-guard.yaml`, `.secretlintrc.json`, the baseline or `.sops.yaml` is not printed by the error (exit 2,
 * one line on stderr) or by the `sops-config` finding, in any format, nor by a parser's warning.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expectFindingEverywhere, expectNoPieceOf, FORMATS, stageAndCheck, type Format, type Run } from '../helpers/every-format.js';
import { fake } from '../helpers/fake-tokens.js';
import type { TestRepo } from '../helpers/git-repo.js';

const token = fake.github(71);
let repo: TestRepo;
afterEach(() => repo?.cleanup());

function check(files: Record<string, string>): Record<Format, Run> {
  const checked = stageAndCheck({ 'README.md': '# docs\n', ...files });
  repo = checked.repo;
  return checked.runs;
}

function expectConfigError(runs: Record<Format, Run>, says: RegExp): void {
  for (const format of FORMATS) {
    expect(runs[format].status, format).toBe(2);
    expect(runs[format].stderr, format).toMatch(says);
    expect(runs[format].stderr.trimEnd().split('\n'), format).toHaveLength(1);
  }
  // Parsers quote about ten characters of the input around an error: no six characters of the token may show.
  expectNoPieceOf(runs, token.slice(4), 6);
}

describe('a token in a configuration file', () => {
  it('as a rule id in .secrets-guard.yaml', () => {
    expectConfigError(
      check({ '.secrets-guard.yaml': `rules:\n  ${token}: error\n` }),
      /^secrets-guard: \.secrets-guard\.yaml: rules\.ghp_\*\*\*\*: unknown rule "ghp_\*\*\*\*"/,
    );
  });

  it('as a value in .secrets-guard.yaml', () => {
    expectConfigError(check({ '.secrets-guard.yaml': `maxFileSize: ${token}\n` }), /maxFileSize: expected a positive size such as 5MiB, .*got "ghp_\*\*\*\*"/);
  });

  it('as a YAML tag in .secrets-guard.yaml, which the YAML parser would warn about with the whole line', () => {
    expectConfigError(check({ '.secrets-guard.yaml': `maxFileSize: !${token} 5 MB\nrules:\n  no-such-rule: error\n` }), /unknown rule "no-such-rule"/);
  });

  it('in a .secretlintrc.json that does not parse', () => {
    expectConfigError(check({ '.secretlintrc.json': `{"rules": [${token}]}\n` }), /\.secretlintrc\.json: cannot parse: /);
  });

  it('in a baseline that does not parse', () => {
    expectConfigError(check({ '.secrets-guard-baseline.json': `{"version": 1, "salt": ${token}}\n` }), /\.secrets-guard-baseline\.json: invalid JSON: /);
  });

  it('as a regex and as a key in .sops.yaml, which sops-config complains about', () => {
    const age = 'age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr';
    const runs = check({ '.sops.yaml': `creation_rules:\n  - path_regex: secrets/.*\n    age: ${age}\n    encrypted_regex: "(${token}"\n    ${token}: x\n` });
    expectFindingEverywhere(runs, '.sops.yaml', 'sops-config');
    expect(runs.stylish.stdout).toContain('missing closing ): `(ghp_****`');
    expect(runs.stylish.stdout).toContain('`ghp_****` is not a creation rule key');
    expectNoPieceOf(runs, token.slice(4), 6);
  });
});
