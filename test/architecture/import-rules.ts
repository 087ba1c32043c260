/**
 * The layering docs/architecture.md describes, as code: which module may import what, and no import cycle. Pure
 * functions over file texts, so the checker itself is tested on a made-up project (import-rules.test.ts) before
 * boundaries.test.ts runs it on the real one.
 */
import { posix } from 'node:path';
import { parseAst } from 'rolldown/parseAst';

export interface ImportEdge {
  /** Repository-relative path of the importing file. */
  readonly from: string;
  /** The specifier as written (`node:fs`, `../git/run.js`). */
  readonly specifier: string;
  /** Repository-relative path of the imported file, for a relative specifier that names one of the files. */
  readonly to?: string;
  /** `import type` / `export type`: erased at compile time, but still an edge of the module graph. */
  readonly typeOnly: boolean;
}

interface SyntaxNode {
  readonly type: string;
  readonly [key: string]: unknown;
}

/**
 * Every import of `text` (static, re-export, dynamic, `typeof import()`), read from its syntax tree (rolldown's
 * parser, the one that bundles the CLI), so an import inside a comment or a string is not one.
 */
export function importsOf(from: string, text: string, files: ReadonlySet<string>): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const add = (source: unknown, typeOnly: boolean) => {
    const specifier = (source as { value?: unknown } | null)?.value;
    if (typeof specifier !== 'string') return;
    const to = resolveSpecifier(from, specifier, files);
    edges.push({ from, specifier, typeOnly, ...(to ? { to } : {}) });
  };
  const visit = (node: SyntaxNode): void => {
    if (node.type === 'ImportDeclaration') add(node.source, isTypeOnlyImport(node));
    else if (node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') add(node.source, node.exportKind === 'type');
    else if (node.type === 'TSImportType') add(node.source, true);
    else if (node.type === 'ImportExpression') add(node.source, false);
    for (const value of Object.values(node)) {
      for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) visit(child);
    }
  };
  visit(parseAst(text, { lang: 'ts' }, from) as unknown as SyntaxNode);
  return edges;
}

function isNode(value: unknown): value is SyntaxNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** `import type { A }` or `import { type A, type B }`: nothing of the module is left at run time. */
function isTypeOnlyImport(node: SyntaxNode): boolean {
  if (node.importKind === 'type') return true;
  const specifiers = node.specifiers as readonly SyntaxNode[];
  return specifiers.length > 0 && specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type');
}

/** `./x.js` from `src/a/b.ts` is `src/a/x.ts` (or `src/a/x/index.ts`); anything not relative is a package. */
function resolveSpecifier(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = posix.normalize(posix.join(posix.dirname(from), specifier));
  const candidates = [target.replace(/\.js$/, '.ts'), target, `${target}.ts`, `${target}/index.ts`];
  return candidates.find((c) => files.has(c));
}

export interface Boundary {
  /** Why the rule exists, printed with each offending edge. */
  readonly rule: string;
  /** The importing files it constrains. */
  readonly appliesTo: (path: string) => boolean;
  /** True for an edge the rule forbids. */
  readonly forbids: (edge: ImportEdge) => boolean;
}

/** `from -> specifier: rule` for every edge a boundary forbids. */
export function boundaryViolations(edges: readonly ImportEdge[], boundaries: readonly Boundary[]): string[] {
  return boundaries.flatMap((b) => edges.filter((e) => b.appliesTo(e.from) && b.forbids(e)).map((e) => `${e.from} -> ${e.specifier}: ${b.rule}`));
}

/**
 * Every import cycle, as the edges inside each strongly connected component of the relative-import graph (Tarjan's
 * algorithm): `a.ts -> b.ts` lines, sorted, one string per component.
 */
export function importCycles(edges: readonly ImportEdge[]): string[] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) if (to) (next.get(from) ?? next.set(from, new Set()).get(from)!).add(to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1 || next.get(node)?.has(node)) components.push(component);
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((members) => {
    const inside = new Set(members);
    const cycleEdges = [...inside].flatMap((from) => [...(next.get(from) ?? [])].filter((to) => inside.has(to)).map((to) => `${from} -> ${to}`));
    return `import cycle: ${cycleEdges.sort().join(', ')}`;
  });
}
