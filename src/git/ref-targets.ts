/**
 * What the refs of a push point at. A ref usually names a commit, directly or through an annotated tag, but git
 * accepts a ref to any object: a tag may name a tree or a blob, whose content then sits in the repository with no
 * commit that brings it.
 */
import { GitError } from '../errors.js';
import type { Repository } from './repository.js';
import { parseLsTree, type BlobEntry } from './tree-entries.js';

export interface RefTarget {
  readonly ref: string;
  /** The object the ref names once every tag on the way is peeled. */
  readonly oid: string;
  readonly type: 'commit' | 'tree' | 'blob';
}

const TYPES = new Set<string>(['commit', 'tree', 'blob']);

/** Peels each object through any chain of tags; a missing object fails (a push never names one it did not send). */
export async function peelRefs(repo: Repository, refs: ReadonlyArray<{ ref: string; oid: string }>): Promise<RefTarget[]> {
  if (refs.length === 0) return [];
  const out = await repo.runWithInput(['cat-file', '--batch-check'], refs.map((r) => `${r.oid}^{}\n`).join(''));
  const answers = out.split('\n');
  return refs.map(({ ref, oid }, i) => {
    const [peeled = '', type = ''] = (answers[i] ?? '').split(' ');
    if (!TYPES.has(type)) throw new GitError(`${ref}: cannot read object ${oid} (${answers[i]?.trim() || 'no answer'})`);
    return { ref, oid: peeled, type: type as RefTarget['type'] };
  });
}

/** Every file of a tree, recursively. */
export async function treeFiles(repo: Repository, tree: string): Promise<BlobEntry[]> {
  return parseLsTree(await repo.run(['ls-tree', '-r', '-z', '--full-tree', tree]));
}
