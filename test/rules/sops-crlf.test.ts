/**
 * Files checked out with CRLF line endings (core.autocrlf on Windows). YAML does not care; sops' dotenv reader
 * splits on LF only, so every value keeps a CR and `sops_lastmodified` no longer parses: sops refuses the file,
 * and so must the guard, once, with that reason (not once per value).
 */
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { lintWith } from '../helpers/rule-tester.js';
import { corpusFile } from '../helpers/sops-corpus.js';

async function sopsFindings(path: string): Promise<string[]> {
  const content = corpusFile(path).replace(/\n/g, '\r\n');
  const sopsRules = rules.filter((r) => r.meta.id.startsWith('sops-'));
  return (await Promise.all(sopsRules.map((rule) => lintWith(rule, { path, content })))).flat().map((f) => `${f.ruleId}: ${f.message}`);
}

describe('CRLF sops files', () => {
  it('YAML: no finding', async () => {
    expect(await sopsFindings('humphd-sops-age/tests/data/secret.enc.yaml')).toEqual([]);
  });

  it('dotenv: one sops-metadata finding about lastmodified, none for the CR-terminated ENC values', async () => {
    expect(await sopsFindings('humphd-sops-age/tests/data/secret.enc.env')).toEqual([
      'sops-metadata: `sops.lastmodified` is not an RFC 3339 timestamp: sops refuses to load the file (line 9)',
    ]);
  });
});
