/**
 * Comments are tree items in sops' YAML store (docs/sops-format.md §2.3): yaml.v3 attaches each to a node as a head,
 * line or foot comment and sops turns it into an item of the enclosing mapping or list. The `yaml` package keeps
 * no offsets for comments, so they are read from its CST and placed here by position: a same-line comment goes
 * just before the item on its line (sops puts line comments before the value), any other comment into the
 * deepest container whose region holds it at an indentation at least that container's.
 */
import { Parser } from 'yaml';
import type { TreeComment } from './tree.js';

export interface YamlComment extends TreeComment {
  readonly lineStart: number;
  readonly column: number;
  readonly inline: boolean;
}

/** A mapping or list that can receive comments, as the tree builder registered it. */
export interface CommentContainer {
  readonly depth: number;
  /** Column of the container's items; undefined for the root and for flow collections (no constraint). */
  readonly column: number | undefined;
  readonly regionStart: number;
  readonly gapEnd: number;
  /** Inside the `sops` metadata: its comments disappear with it. */
  readonly metadata: boolean;
  /** Start offsets of the container's items, in order. */
  readonly itemStarts: readonly number[];
  /** Comments placed here, each with the offset it sorts at among the items. */
  readonly placed: Array<{ readonly at: number; readonly comment: TreeComment }>;
}

export function collectComments(content: string): YamlComment[] {
  const found: YamlComment[] = [];
  const visit = (token: unknown): void => {
    if (Array.isArray(token)) return token.forEach(visit);
    if (typeof token !== 'object' || token === null) return;
    const t = token as { type?: unknown; offset?: unknown; source?: unknown };
    if (t.type === 'comment' && typeof t.offset === 'number' && typeof t.source === 'string') {
      const lineStart = content.lastIndexOf('\n', t.offset - 1) + 1;
      found.push({
        kind: 'comment',
        text: t.source.slice(1),
        start: t.offset,
        end: t.offset + t.source.length,
        lineStart,
        column: t.offset - lineStart,
        inline: content.slice(lineStart, t.offset).trim() !== '',
      });
      return;
    }
    for (const value of Object.values(token)) if (typeof value === 'object') visit(value);
  };
  for (const token of new Parser().parse(content)) visit(token);
  return found.sort((a, b) => a.start - b.start);
}

function deepest(candidates: readonly CommentContainer[]): CommentContainer | undefined {
  return candidates.reduce<CommentContainer | undefined>((best, c) => (!best || c.depth > best.depth ? c : best), undefined);
}

/** Puts each comment into its container (or drops it when it belongs to the metadata). */
export function placeComments(comments: readonly YamlComment[], containers: readonly CommentContainer[]): void {
  for (const comment of comments) {
    let target: CommentContainer | undefined;
    let at = comment.start;
    if (comment.inline) {
      const onLine = containers.filter((c) => c.itemStarts.some((s) => s >= comment.lineStart && s < comment.start));
      target = deepest(onLine);
      if (target) at = Math.max(...target.itemStarts.filter((s) => s >= comment.lineStart && s < comment.start));
    }
    target ??= deepest(
      containers.filter((c) => c.regionStart <= comment.start && comment.start < c.gapEnd && (c.column === undefined || comment.column >= c.column)),
    );
    if (target && !target.metadata) target.placed.push({ at, comment: { kind: 'comment', text: comment.text, start: comment.start, end: comment.end } });
  }
}

/** Offset of the next token after `from` that is neither whitespace nor a comment. */
export function skipSpaceAndComments(content: string, from: number): number {
  let i = from;
  while (i < content.length) {
    const ch = content[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') i++;
    else if (ch === '#') {
      const nl = content.indexOf('\n', i);
      i = nl === -1 ? content.length : nl;
    } else break;
  }
  return i;
}
