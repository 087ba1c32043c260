/**
 * `.gitignore` lines for what a SOPS repository must never commit. init lists the missing ones and adds them only
 * with --gitignore: ignoring files is the repository's decision, and a line can hide files someone meant to add.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { note, writing, type InitAction } from './actions.js';

const SUGGESTED_IGNORES: readonly string[] = [
  '.env', // plaintext dotenv files (the encrypted ones are *.enc.env, *.sops.env...)
  '*.tfstate*', // Terraform state and its backups hold every secret in plaintext
  '*.dec.*', // decrypted outputs of `sops decrypt`, by the usual naming
  '*.decrypted.*',
  'keys.txt', // sops' age identity file
];

export function gitignoreActions(root: string, add: boolean): InitAction[] {
  const file = join(root, '.gitignore');
  const current = readOrEmpty(file);
  const present = new Set(current.split(/\r?\n/).map((line) => line.trim()));
  const missing = SUGGESTED_IGNORES.filter((line) => !present.has(line));
  if (missing.length === 0) return [note(`unchanged: .gitignore already lists ${SUGGESTED_IGNORES.join(' ')}`)];
  const list = missing.join(' ');
  if (!add) return [note(`suggestion: .gitignore does not list ${list} (add them with secrets-guard init --gitignore)`)];
  const separator = current === '' || current.endsWith('\n') ? '' : '\n';
  const block = `${separator}# Plaintext secrets, added by \`secrets-guard init --gitignore\`\n${missing.join('\n')}\n`;
  return [
    {
      done: `added to .gitignore: ${list}`,
      planned: `would add to .gitignore: ${list}`,
      apply: () => writing(file, () => writeFileSync(file, current + block)),
    },
  ];
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
