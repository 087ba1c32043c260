/**
 * `secrets-guard pre-receive`: the server-side hook. git feeds `<old> <new> <ref>` lines on standard input; the
 * commits the push brings (new branches, updates, force pushes; deletions bring none) are checked, and a
 * finding rejects the whole push with the report, which git relays to the pusher.
 */
import type { PreReceiveCommand } from '../cli/command-line.js';
import type { CliIo, CliOutcome } from '../cli/io.js';
import { UsageError } from '../errors.js';
import { report } from './check.js';

const UPDATE = /^([0-9a-f]{40,64}) ([0-9a-f]{40,64}) (\S.*)$/;

export function parseRefUpdates(input: string): Array<{ oldOid: string; newOid: string; ref: string }> {
  return input
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const m = UPDATE.exec(line.trim());
      if (!m) throw new UsageError(`pre-receive expects "<old> <new> <ref>" lines on stdin, got: ${line.slice(0, 80)}`);
      return { oldOid: m[1]!, newOid: m[2]!, ref: m[3]! };
    });
}

export async function preReceive(cli: PreReceiveCommand, io: CliIo): Promise<CliOutcome> {
  if (!io.readStdin) throw new UsageError('pre-receive reads ref updates from standard input');
  const updates = parseRefUpdates(await io.readStdin());
  const outcome = await report(cli.options, io, { kind: 'push', updates });
  // git shows a hook's output to the pusher; stderr keeps it apart from any protocol use of stdout.
  const rejected = outcome.exitCode === 1 ? 'secrets-guard: push rejected: remove the secrets from these commits (rewrite them) and push again\n' : '';
  return { ...outcome, stdout: '', stderr: outcome.stdout + rejected };
}
