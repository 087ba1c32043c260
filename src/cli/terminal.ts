/**
 * Whether to colour the report and draw a progress line. The flag wins over the environment (no-color.org);
 * FORCE_COLOR wins over NO_COLOR, as in Node itself (one forces colour for a run, the other is a standing preference).
 */
import type { CliIo } from './io.js';

/** `flag`: `--color` (true), `--no-color` (false) or neither. A report written to a file is coloured only on request. */
export function wantsColor(flag: boolean | undefined, io: Pick<CliIo, 'env' | 'stdoutIsTty'>, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  const { FORCE_COLOR: force, NO_COLOR: no, TERM: term } = io.env;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (no !== undefined && no !== '') return false;
  return io.stdoutIsTty && term !== 'dumb';
}

/** A progress line is redrawn in place: only on a terminal that can, and not in CI logs that keep every redraw. */
export function wantsProgress(io: Pick<CliIo, 'env' | 'stderrIsTty'>, quiet: boolean): boolean {
  const { CI: ci, TERM: term } = io.env;
  const inCi = ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
  return io.stderrIsTty && !quiet && !inCi && term !== 'dumb';
}
