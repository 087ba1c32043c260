/**
 * A set of ASCII characters tested by character code, for loops that read a text one code at a time (a name's
 * extent, a token run, a URL scheme): a table read, where a one-character regex test or a chain of comparisons
 * would cost more on every character.
 */
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';

/** Whether a character code is one of `chars` (ASCII only; anything past ASCII is not). */
export function asciiClass(chars: string): (code: number) => boolean {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return (code) => code < 128 && table[code] === 1;
}
