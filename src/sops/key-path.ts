/** How a leaf's key path is shown in a message: `a.b.c`, quoted (a key may itself be a secret pasted in the wrong place). */
import { quote } from '../util/quote.js';
import type { SopsLeaf } from './model.js';

export function keyPathOf(leaf: Pick<SopsLeaf, 'path'>): string {
  return leaf.path.length > 0 ? quote(leaf.path.join('.')) : '(top level)';
}
