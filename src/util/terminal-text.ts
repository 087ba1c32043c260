/**
 * Text from the repository on its way to a terminal or a CI log: control characters (ESC, CR, BEL, the rest of
 * C0 and C1, DEL) and the Unicode bidi controls that reorder what a reader sees ("Trojan Source") are written as
 * escapes (`\x1b`, `\u202e`), so a file name or a key cannot move the cursor, recolour or hide a line of the
 * report, or make one name read as another.
 */

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeOne = (c: string): string => {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

export function escapeControl(text: string): string {
  return text.replace(CONTROL, escapeOne);
}

/**
 * JSON text that a terminal shows as it means: JSON.stringify already escapes C0, but leaves DEL, C1 and the bidi
 * controls raw inside strings. Those only ever occur inside strings, where `\uXXXX` stands for the same character.
 */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function jsonForTerminal(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
