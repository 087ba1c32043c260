/** Reads the copied sops corpus (test/fixtures/sops, see ORIGIN.md) and its derived data keys. */
import { readFileSync } from 'node:fs';

const root = new URL('../fixtures/sops/', import.meta.url);

export function fixtureText(relativePath: string): string {
  return readFileSync(new URL(relativePath, root), 'utf8');
}

export interface DataKeyRow {
  readonly path: string;
  readonly dataKey: Uint8Array;
  readonly via: string;
}

/** Every row of derived-data-keys.tsv that has a data key. */
export function derivedDataKeys(): DataKeyRow[] {
  return fixtureText('derived-data-keys.tsv')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t'))
    .filter(([, hex]) => hex !== '-')
    .map(([path, hex, via]) => ({ path: path!, dataKey: Buffer.from(hex!, 'hex'), via: via! }));
}

export function dataKeyOf(path: string): Uint8Array {
  const row = derivedDataKeys().find((r) => r.path === path);
  if (!row) throw new Error(`no data key for ${path}`);
  return row.dataKey;
}

/** The published humphd/sops-age test identity (a test key, never a real one). */
export function humphdIdentity(): string {
  return fixtureText('humphd-sops-age/key.txt')
    .split('\n')
    .find((l) => l.startsWith('AGE-SECRET-KEY-'))!
    .trim();
}

export const HUMPHD_RECIPIENT = 'age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr';
