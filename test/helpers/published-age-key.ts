/**
 * The published test age key (test/fixtures/sops/humphd-sops-age/key.txt), real sops files for it, and a key
 * command that counts its runs: what the hostile tests of age key handling build their repositories from.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeSopsFile, type PlainMap } from './sops-encoder.js';

const PUBLISHED_KEY_FILE = fileURLToPath(new URL('../fixtures/sops/humphd-sops-age/key.txt', import.meta.url));
export const PUBLISHED_IDENTITY = readFileSync(PUBLISHED_KEY_FILE, 'utf8')
  .split('\n')
  .find((l) => l.startsWith('AGE-SECRET-KEY-1'))!;
export const PUBLISHED_RECIPIENT = 'age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr';
/** Every file under secrets/ must be encrypted to the published key. */
export const SOPS_YAML = `creation_rules:\n  - path_regex: secrets/.*\n    age: ${PUBLISHED_RECIPIENT}\n`;

const LASTMODIFIED = '2025-01-01T00:00:00Z';

/** A MAC-valid sops YAML file for the published key. */
export async function sopsFileForPublishedKey(data: PlainMap = { password: 'correct horse' }): Promise<string> {
  return (await encodeSopsFile({ store: 'yaml', data, recipients: [PUBLISHED_RECIPIENT], lastmodified: LASTMODIFIED })).content;
}

/**
 * A sops file whose values were replaced by others sealed with the same data key: every value decrypts, only the
 * MAC tells. Without the key it looks exactly like a correct file.
 */
export async function macMismatchFile(): Promise<string> {
  const dataKey = crypto.getRandomValues(new Uint8Array(32));
  const encode = (password: string) =>
    encodeSopsFile({ store: 'yaml', data: { password }, dataKey, recipients: [PUBLISHED_RECIPIENT], lastmodified: LASTMODIFIED });
  const [original, edited] = await Promise.all([encode('original value'), encode('edited value')]);
  const macLine = /^ *mac: .*$/m;
  return edited.content.replace(macLine, original.content.match(macLine)![0]);
}

export interface CountingKeyCommand {
  /** For SOPS_AGE_KEY_CMD. */
  readonly command: string;
  /** How many times the command ran. */
  runs(): number;
  cleanup(): void;
}

/** A SOPS_AGE_KEY_CMD that appends a line to a counter file on every run, then prints the keys (or fails). */
export function countingKeyCommand(options: { fail?: boolean } = {}): CountingKeyCommand {
  const dir = mkdtempSync(join(tmpdir(), 'sg-key-cmd-'));
  const counter = join(dir, 'runs');
  const script = join(dir, 'key-cmd.sh');
  writeFileSync(script, `#!/bin/sh\necho run >> '${counter}'\n${options.fail ? 'exit 3' : `cat '${PUBLISHED_KEY_FILE}'`}\n`);
  chmodSync(script, 0o755);
  return {
    command: script,
    runs: () => (existsSync(counter) ? readFileSync(counter, 'utf8').split('\n').filter(Boolean).length : 0),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
