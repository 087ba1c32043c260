/** The encrypted corpus files copied under test/fixtures/sops (see ORIGIN.md), read for rule tables. */
import { readFileSync } from 'node:fs';

export const ENCRYPTED_CORPUS = [
  'getsops-sops/example.yaml',
  'getsops-sops/example.json',
  'getsops-sops/example.ini',
  'getsops-sops/example.txt',
  'getsops-sops/examples/all_in_one/config/secret.enc.json',
  'getsops-sops/examples/per_file/config.enc/static_github.json',
  'getsops-sops/functional-tests/res/format.enc.yaml',
  'getsops-sops/functional-tests/res/format.enc.json',
  'getsops-sops/functional-tests/res/format.enc.ini',
  'getsops-sops/functional-tests/res/format-2.enc.ini',
  'getsops-sops/functional-tests/res/format.enc.env',
  'getsops-sops/functional-tests/res/comments.enc.yaml',
  'getsops-sops/functional-tests/res/comments_unencrypted_comments.yaml',
  'getsops-sops/functional-tests/res/multiple_keys.yaml',
  'getsops-sops/functional-tests/res/no_mac.yaml',
  'getsops-sops/config/test_resources/example.yaml',
  'getsops-sops/stores/ini/test_resources/example.json',
  'humphd-sops-age/tests/data/secret.enc.yaml',
  'humphd-sops-age/tests/data/secret.enc.json',
  'humphd-sops-age/tests/data/secret.enc.env',
] as const;

export function corpusFile(path: string): string {
  return readFileSync(new URL(`../fixtures/sops/${path}`, import.meta.url), 'utf8');
}

/** Corpus cases for a rule table, minus the files a rule reports on. */
export function corpusCases(except: readonly string[] = []): Array<{ name: string; path: string; content: string }> {
  return ENCRYPTED_CORPUS.filter((p) => !except.includes(p)).map((p) => ({ name: `corpus ${p}`, path: p, content: corpusFile(p) }));
}

export const GOVERNING_RULE = { configPath: '.sops.yaml', ruleIndex: 0, rule: { path_regex: '.*', age: 'age1...' } } as const;
