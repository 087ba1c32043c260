/** Edits a sops file's text the ways a hand edit or a bad merge would, for the verification tests. */

const encAfter = (key: string): RegExp => new RegExp(`((?:^|\\n)[ \\t]*"?(?:sops_)?${key}"?\\s*[:=]\\s*"?)(ENC\\[[^\\]]*\\])`);

/** The ENC string written for `key` (YAML `key: ENC[…]`, JSON `"key": "ENC[…]"`, dotenv `key=ENC[…]`). */
export function encOf(content: string, key: string): string {
  const match = encAfter(key).exec(content);
  if (!match) throw new Error(`no ENC value for ${key}`);
  return match[2]!;
}

export function replaceEnc(content: string, key: string, enc: string): string {
  encOf(content, key);
  return content.replace(encAfter(key), (_, head: string) => head + enc);
}

/** Swaps the ciphertexts of two keys: each value then sits under a path its AAD does not name. */
export function swapValues(content: string, a: string, b: string): string {
  const encA = encOf(content, a);
  const encB = encOf(content, b);
  return replaceEnc(replaceEnc(content, a, encB), b, encA);
}

/** Moves `lastmodified` one second on, whatever the store writes around it. */
export function bumpLastmodified(content: string): string {
  const out = content.replace(
    /(lastmodified"?\s*[:=]\s*"?\d{4}-\d\d-\d\dT\d\d:\d\d:)(\d\d)/,
    (_, head: string, s: string) => head + String((Number(s) + 1) % 60).padStart(2, '0'),
  );
  if (out === content) throw new Error('no lastmodified found');
  return out;
}
