/**
 * Where init's block goes in an existing `.husky/pre-commit`, so that it runs: appended at the end, or before the
 * first unindented `exec` or `exit` line, which would end the hook before an appended block. A block an earlier
 * init left after such a line (where it never ran) is moved; one that differs from today's is rewritten in place.
 */
import { GUARD_CALL, INIT_MARKER, runsGuard } from './hook-text.js';

export type Placement =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'appended' | 'inserted' | 'updated' | 'moved'; readonly text: string }
  /** The ending line may sit inside a compound command or a here-document: placing the block there could change what the hook does. */
  | { readonly kind: 'refused' };

const ENDING_LINE = /^(exec|exit)(\s|;|$)/;
/** Lines that open or close compound commands, continue a line, or start a here-document. */
const UNSURE = /<<|\\$|^\s*(if|then|else|elif|fi|case|esac|for|while|until|do|done|select)(\s|;|$)|^\s*[{}()]|[{}()]\s*$/;

export function placeBlock(hook: string, block: string): Placement {
  const span = initBlockSpan(hook);
  if (!span) return runsGuard(hook) ? { kind: 'unchanged' } : placeNew(hook, block);
  const ending = offsetOfEndingLine(hook);
  if (ending < 0 || ending >= span.end) {
    if (hook.slice(span.start, span.end) === block) return { kind: 'unchanged' };
    return { kind: 'updated', text: hook.slice(0, span.start) + block + hook.slice(span.end) };
  }
  const end = hook[span.end] === '\n' ? span.end + 1 : span.end;
  const placed = placeNew(hook.slice(0, span.start) + hook.slice(end), block);
  return 'text' in placed ? { kind: 'moved', text: placed.text } : placed;
}

function placeNew(hook: string, block: string): Exclude<Placement, { kind: 'unchanged' }> {
  const lines = hook.split('\n');
  const ending = lines.findIndex((line) => ENDING_LINE.test(line));
  if (ending < 0) {
    const separator = hook === '' || hook.endsWith('\n\n') ? '' : hook.endsWith('\n') ? '\n' : '\n\n';
    return { kind: 'appended', text: hook + separator + block };
  }
  if (lines.slice(0, ending + 1).some((line) => UNSURE.test(line))) return { kind: 'refused' };
  const at = lines.slice(0, ending).reduce((offset, line) => offset + line.length + 1, 0);
  return { kind: 'inserted', text: `${hook.slice(0, at)}${block}\n${hook.slice(at)}` };
}

/** The block an earlier init added (from its comment line to the guard call), if it is still intact. */
function initBlockSpan(hook: string): { start: number; end: number } | undefined {
  const marker = hook.indexOf(INIT_MARKER);
  if (marker < 0) return undefined;
  const call = hook.indexOf(`${GUARD_CALL}\n`, marker);
  return call < 0 ? undefined : { start: hook.lastIndexOf('\n', marker) + 1, end: call + GUARD_CALL.length + 1 };
}

function offsetOfEndingLine(hook: string): number {
  const match = new RegExp(ENDING_LINE.source, 'm').exec(hook);
  return match ? match.index : -1;
}
