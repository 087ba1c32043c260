/**
 * decrypted-twin: a plaintext file beside its encrypted counterpart (`.env` next to `.env.enc` or `.env.sops`,
 * `x.yaml` next to `x.enc.yaml` or `x.sops.yaml`): the leftover of a `sops -d` that someone is about to commit.
 */
import { isSopsFile } from '../src/sops/is-sops-file.js';
import type { Rule } from '../src/types.js';

const MARKERS = ['enc', 'sops', 'encrypted'];

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
  return path.split('/').pop()!.split('.').some((part) => MARKERS.includes(part));
}

export const rule: Rule<undefined> = {
  meta: {
    id: 'decrypted-twin',
    description: 'A plaintext file committed beside its sops-encrypted counterpart',
    defaultSeverity: 'error',
  },
  defaultOptions: undefined,
  appliesTo: (path) => !isEncryptedName(path),
  async check(source, context) {
    const twin = encryptedTwinNames(source.path).find((name) => context.project.hasPath(name));
    if (!twin || (await isSopsFile(source.path, source.content))) return;
    context.report({
      message: `plaintext twin of the encrypted ${twin}: this looks like a decrypted copy; remove it from the commit (git rm --cached) and add it to .gitignore`,
    });
  },
};
