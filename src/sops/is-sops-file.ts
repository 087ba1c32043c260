/**
 * `isSopsFile` for rules that only need the yes/no answer: the file's SourceFile keeps files that never mention sops
 * off the parsers, and parses the others once for every rule that asks (src/engine/source-file.ts).
 */
import type { SourceFile } from '../types.js';

export async function isSopsFile(source: Pick<SourceFile, 'sopsVerdict'>): Promise<boolean> {
  return (await source.sopsVerdict()).kind === 'sops';
}
