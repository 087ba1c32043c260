/**
 * Which leaves sops encrypts: sops.go `shouldBeEncrypted`, mirrored line by line (docs/sops-format.md §4). Every setting
 * present is applied in sops' order (a file with several is itself rejected by sops, and reported by
 * sops-metadata). With no setting at all, sops assumes `unencrypted_suffix: _unencrypted`.
 */
import type { SopsLeaf, SopsMetadata } from './model.js';
import { compileRe2, re2Matches } from './re2.js';

const DEFAULT_UNENCRYPTED_SUFFIX = '_unencrypted';

export type Selection = SopsMetadata['selection'];
export type JudgedLeaf = Pick<SopsLeaf, 'path' | 'commentStack' | 'isComment'>;

export function isValidRe2(pattern: string): boolean {
  return compileRe2(pattern).ok;
}

/** The settings sops applies: the file's own, or the `_unencrypted` default when it names none. */
export function effectiveSelection(selection: Selection): Selection {
  return selection.length > 0 ? selection : [{ setting: 'unencrypted_suffix', value: DEFAULT_UNENCRYPTED_SUFFIX }];
}

export function shouldBeEncrypted(leaf: JudgedLeaf, selection: Selection): boolean {
  let encrypted = true;
  const { path, commentStack, isComment } = leaf;
  for (const { setting, value } of effectiveSelection(selection)) {
    switch (setting) {
      case 'unencrypted_suffix':
        if (path.some((k) => k.endsWith(value))) encrypted = false;
        break;
      case 'encrypted_suffix':
        encrypted = path.some((k) => k.endsWith(value));
        break;
      case 'unencrypted_regex':
        if (path.some((k) => re2Matches(value, k))) encrypted = false;
        break;
      case 'encrypted_regex':
        encrypted = path.some((k) => re2Matches(value, k));
        break;
      case 'unencrypted_comment_regex':
        if (commentStack.some((level) => level.some((c) => re2Matches(value, c)))) encrypted = false;
        break;
      case 'encrypted_comment_regex':
        encrypted = matchesEarlierComment(commentStack, isComment, value);
        break;
    }
  }
  return encrypted;
}

/** The marker comment itself stays plaintext: a comment skips the last entry of the innermost level (itself). */
function matchesEarlierComment(stack: SopsLeaf['commentStack'], isComment: boolean, pattern: string): boolean {
  return stack.some((level, i) => level.some((c, j) => !(isComment && i === stack.length - 1 && j === level.length - 1) && re2Matches(pattern, c)));
}
