/**
 * `isSopsFile` for rules that only need the yes/no answer: the file's SourceFile keeps files that never mention sops
 * off the parsers, and parses the others once for every rule that asks (src/engine/source-file.ts).
 */
import type { RuleContext, SourceFile } from '../types.js';

export async function isSopsFile(source: Pick<SourceFile, 'sopsVerdict'>): Promise<boolean> {
  return (await source.sopsVerdict()).kind === 'sops';
}

/**
 * The keyword the sops rules declare (`meta.keywords`): sops metadata is always introduced by the word (a `sops:`
 * key, `"sops":`, `sops_version=`, `[sops]`), so a file without it can carry none.
 */
export const SOPS_KEYWORDS: Readonly<Record<string, readonly string[]>> = { sops: ['sops'] };

/**
 * A sops rule's check, run only in a file that mentions sops (the shared keyword pass says so), and returning at
 * once, without a promise, in every other file: a whole-repository scan asks every sops rule about every file.
 */
export function inFilesMentioningSops<Options>(
  check: (source: SourceFile, context: RuleContext<Options>) => Promise<void>,
): (source: SourceFile, context: RuleContext<Options>) => void | Promise<void> {
  return (source, context) => (source.keywordOwners().has('sops') ? check(source, context) : undefined);
}
