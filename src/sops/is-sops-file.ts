/**
 * `isSopsFile` for rules that only need the yes/no answer: the substring test keeps files that never mention sops off
 * the parsers, and the strict verdict (src/sops/sops-file.ts) loads only for the others.
 */
export async function isSopsFile(path: string, content: string): Promise<boolean> {
  if (!content.includes('sops')) return false;
  const { sopsVerdict } = await import('./sops-file.js');
  return sopsVerdict(path, content).kind === 'sops';
}
