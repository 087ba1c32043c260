/**
 * The shared prefilter: one case-insensitive pass over a file finds which detectors (and which token formats), and
 * which rules of secretlint's preset (`secretlint:<rule id>`, src/secretlint/preset-keywords.ts), have a keyword in
 * it. Every detector and the secretlint prefilter ask this one answer, so a file holding none of their keywords
 * costs one scan however many detectors there are.
 */
import { AWS_ID_SCAN_KEYWORDS, PRESET_TRIGGERS } from '../secretlint/preset-keywords.js';
import { KeywordSearch } from '../util/keyword-search.js';
import { TOKEN_FORMATS } from './token-formats.js';
import type { SourceText } from '../types.js';

/** The owner of secretlint's aws keywords that count only with its `enableIDScanRule` option. */
export const AWS_ID_SCAN_OWNER = 'secretlint:aws-id-scan';

/**
 * Keywords per detector (`token-formats/<id>` per token format). A detector may report only in a file holding one
 * of its keywords; each rule's module says why its list is complete.
 */
export const DETECTOR_KEYWORDS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...TOKEN_FORMATS.map((f): [string, readonly string[]] => [`token-formats/${f.id}`, f.keywords]),
  ['generic-credential', ['pass', 'pwd', 'secret', 'token', 'key', 'credential', 'auth', 'mysql', 'mariadb']],
  // url-credentials' finders, each run only where its keyword occurs (src/detection/url-credentials.ts).
  ['url-credentials/url', ['://']],
  ['url-credentials/connection-string', ['pwd=', 'password=']],
  ['url-credentials/curl', ['curl']],
  ['url-credentials/basic', ['basic']],
  ['url-credentials/bearer', ['bearer']],
  ['jwt', ['eyj']],
  ['azure-storage', ['accountkey=', 'sharedaccesskey=', 'sig=']],
  // The spellings of `kind: Secret` in YAML and JSON; rules/kubernetes-secret.ts confirms with a pattern.
  ['kubernetes-secret', ['kind: secret', "kind: 'secret'", 'kind: "secret"', '"kind": "secret"', '"kind":"secret"']],
]);

const ALL_KEYWORDS: ReadonlyMap<string, readonly string[]> = new Map([
  ...DETECTOR_KEYWORDS,
  ...Object.entries(PRESET_TRIGGERS).map(([id, trigger]): [string, readonly string[]] => [`secretlint:${id}`, trigger.keywords]),
  [AWS_ID_SCAN_OWNER, AWS_ID_SCAN_KEYWORDS],
]);

let search: KeywordSearch<string> | undefined;

/** The detectors (`token-formats/<id>` entries, `secretlint:<rule id>`) whose keywords occur in `content`. */
export function detectorsIn(content: string): ReadonlySet<string> {
  search ??= new KeywordSearch(ALL_KEYWORDS);
  return search.addOwnersIn(content, new Set());
}

/** detectorsIn for a file: rules ask `source.derived(presentDetectors)`, so the keyword pass runs once per file. */
export function presentDetectors(text: SourceText): ReadonlySet<string> {
  return detectorsIn(text.content);
}
