/**
 * The detectors' shared prefilter: one case-insensitive pass over a file finds which detectors (and which token
 * formats) have a keyword in it, and every detector asks this one answer, so a file holding none of their keywords
 * costs one scan however many detectors there are. The answer for the last file is kept: the engine runs every
 * rule on one file before the next.
 */
import { KeywordSearch } from '../util/keyword-search.js';
import { TOKEN_FORMATS } from './token-formats.js';

/**
 * Keywords per detector (`token-formats/<id>` per token format). A detector may report only in a file holding one
 * of its keywords; each rule's module says why its list is complete.
 */
export const DETECTOR_KEYWORDS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...TOKEN_FORMATS.map((f): [string, readonly string[]] => [`token-formats/${f.id}`, f.keywords]),
  ['generic-credential', ['pass', 'pwd', 'secret', 'token', 'key', 'credential', 'auth', 'mysql', 'mariadb']],
  ['url-credentials', ['://', 'jdbc:', 'pwd=', 'password=', 'curl', 'authorization', 'bearer']],
  ['jwt', ['eyj']],
  ['azure-storage', ['accountkey=', 'sharedaccesskey=', 'sig=']],
  ['kubernetes-secret', ['secret']],
]);

let search: KeywordSearch<string> | undefined;
let lastContent: string | undefined;
let lastFound: ReadonlySet<string> = new Set();

/** The detectors (and `token-formats/<id>` entries) whose keywords occur in `content`. */
export function detectorsIn(content: string): ReadonlySet<string> {
  if (content === lastContent) return lastFound;
  search ??= new KeywordSearch(DETECTOR_KEYWORDS);
  lastFound = search.addOwnersIn(content, new Set());
  lastContent = content;
  return lastFound;
}
