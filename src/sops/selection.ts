/**
 * Which leaves sops encrypts: sops.go `shouldBeEncrypted`, mirrored line by line (sops-format.md §4). Every setting
 * present is applied in sops' order (a file with several is itself rejected by sops, and reported by
 * sops-metadata). With no setting at all, sops assumes `unencrypted_suffix: _unencrypted`.
 */
import { RE2JS } from 're2js';
import type { SopsLeaf, SopsMetadata } from './model.js';

export const DEFAULT_UNENCRYPTED_SUFFIX = '_unencrypted';

export type Selection = SopsMetadata['selection'];
export type JudgedLeaf = Pick<SopsLeaf, 'path' | 'commentStack' | 'isComment'>;

const compiled = new Map<string, RE2JS | null>();

/** Go `regexp.Match` with the error ignored, as sops does: an invalid RE2 pattern never matches. */
export function re2Matches(pattern: string, text: string): boolean {
  let re = compiled.get(pattern);
  if (re === undefined) {
    try {
      re = RE2JS.compile(pattern);
    } catch {
      re = null;
    }
    compiled.set(pattern, re);
  }
  return re !== null && re.matcher(text).find();
}

export function isValidRe2(pattern: string): boolean {
  re2Matches(pattern, '');
  return compiled.get(pattern) !== null;
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
  return stack.some((level, i) =>
    level.some((c, j) => !(isComment && i === stack.length - 1 && j === level.length - 1) && re2Matches(pattern, c)));
}
