/**
 * decrypted-twin: a plaintext file beside its encrypted counterpart (`.env` next to `.env.enc` or `.env.sops`,
 * `x.yaml` next to `x.enc.yaml` or `x.sops.yaml`) that holds what the encrypted one encrypts: the leftover of a
 * `sops -d` that someone is about to commit. A name alone proves nothing (talhelper's `talenv.yaml` beside
 * `talenv.sops.yaml`, Ansible's `main.yml` beside `main.sops.yml` share no keys), so the twin is read and compared:
 * the plaintext file must give a value to a key (for dotenv, a name) that the encrypted one encrypts. When the twin
 * cannot be compared (not a sops file, binary store, unreadable), the name decides, as the safe side. A value that
 * says where the secret is kept (vals' `ref+sops://secrets.sops.yaml#/key`, `ref+vault://...`) is not a decrypted
 * one: helm-secrets' vals example keeps such a reference file beside the sops file it points into.
 */
import { isSopsFile } from '../src/sops/is-sops-file.js';
import type { ProjectView, Rule, RuleContext, SourceFile } from '../src/types.js';

const MARKERS = ['enc', 'sops', 'encrypted'];
/** A vals reference (`ref+<backend>://...`): the value is looked up elsewhere at deploy time. */
const VALS_REFERENCE = /^ref\+[a-z0-9]+:\/\//i;

/** The names an encrypted twin of `path` would have. */
export function encryptedTwinNames(path: string): string[] {
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash + 1);
  const name = path.slice(slash + 1);
  const names = MARKERS.map((m) => `${name}.${m}`);
  const dot = name.lastIndexOf('.');
  if (dot > 0) names.push(...MARKERS.map((m) => `${name.slice(0, dot)}.${m}${name.slice(dot)}`));
  return names.map((n) => dir + n);
}

/** A file named as an encrypted twin is never itself the plaintext one. */
function isEncryptedName(path: string): boolean {
  return path
    .split('/')
    .pop()!
    .split('.')
    .some((part) => MARKERS.includes(part));
}

/** The encrypted twin's key paths that the plaintext file gives a value to; undefined when they cannot be compared. */
async function sharedSecretKeys(source: SourceFile, twin: string, project: ProjectView): Promise<string[] | undefined> {
  const twinText = await project.readSibling?.(twin);
  if (twinText === undefined) return undefined;
  const [{ encryptedModelOf, hasContent, keyPathOf }, { sopsVerdict }, { isParseFailure, parseGuarded, storeForPath }, { looksLikeEnc }, { isPlaceholder }] =
    await Promise.all([
      import('../src/sops/file-checks.js'),
      import('../src/sops/sops-file.js'),
      import('../src/sops/stores/index.js'),
      import('../src/sops/enc.js'),
      import('../src/util/placeholders.js'),
    ]);
  // The twin is another file: its text is parsed here (it is parsed again where the scan reaches it).
  const encrypted = encryptedModelOf(sopsVerdict(twin, twinText));
  // The binary store encrypts a whole file as one `data` value: any content can be its plaintext.
  if (!encrypted || encrypted.store === 'binary') return undefined;
  const secretKeys = new Set(encrypted.leaves.filter((l) => !l.isComment && looksLikeEnc(l.text)).map(keyPathOf));
  // A decrypted copy is written in the twin's format, whatever its own name says.
  const plain = [encrypted.store, storeForPath(source.path)].map((store) => parseGuarded(store, source.content)).find((m) => !isParseFailure(m));
  if (!plain || isParseFailure(plain)) return undefined;
  const given = plain.leaves.filter((l) => hasContent(l) && !looksLikeEnc(l.text) && !isPlaceholder(l.text) && !VALS_REFERENCE.test(l.text)).map(keyPathOf);
  return [...new Set(given.filter((key) => secretKeys.has(key)))];
}

export const rule: Rule<undefined> = {
  meta: {
    id: 'decrypted-twin',
    description: 'A plaintext file committed beside its sops-encrypted counterpart, holding what it encrypts',
    defaultSeverity: 'error',
    docs: 'docs/rules/decrypted-twin.md',
    presentation: {
      why: 'The output of `sops decrypt` left next to the encrypted file is every secret of it in plaintext.',
      securitySeverity: '9.0',
      precision: 'high',
      tags: ['security', 'secret', 'sops'],
    },
  },
  defaultOptions: undefined,
  appliesTo: (path) => !isEncryptedName(path),
  check(source, context) {
    // Most files have no encrypted twin: they return here, without a promise.
    const twin = encryptedTwinNames(source.path).find((name) => context.project.hasPath(name));
    return twin ? checkTwin(source, context, twin) : undefined;
  },
};

async function checkTwin(source: SourceFile, context: RuleContext<undefined>, twin: string): Promise<void> {
  if (await isSopsFile(source)) return;
  const shared = await sharedSecretKeys(source, twin, context.project);
  if (shared?.length === 0) return;
  const holds = shared ? ` holding ${shared.length} of the keys it encrypts (${shared.slice(0, 3).join(', ')}${shared.length > 3 ? ', ...' : ''})` : '';
  context.report({
    message: `plaintext twin of the encrypted ${twin}${holds}: this looks like a decrypted copy; remove it from the commit (git rm --cached) and add it to .gitignore`,
  });
}
