/**
 * sops-plaintext-value: in a file with sops metadata, a value that the file's own selection setting puts in an
 * encrypted position (docs/sops-format.md §4) but that is not sops ciphertext: a hand edit after `sops encrypt`, or a
 * value pasted in. sops would fail to decrypt it (non-strings) or echo it in an error. Plaintext comments in such
 * positions are warnings: sops never MACs comments and decrypts around them.
 */
import { looksLikeEnc } from '../src/sops/enc.js';
import { inFilesMentioningSops, SOPS_KEYWORDS } from '../src/sops/is-sops-file.js';
import type { Rule } from '../src/types.js';

export const rule: Rule<undefined> = {
  meta: {
    id: 'sops-plaintext-value',
    description: 'A value in an encrypted position of a sops file is not encrypted',
    keywords: SOPS_KEYWORDS,
    defaultSeverity: 'error',
    docs: 'docs/rules/sops-plaintext-value.md',
    presentation: {
      why: 'The file looks encrypted, but this value is readable by anyone with access to the repository.',
      securitySeverity: '9.0',
      precision: 'high',
      tags: ['security', 'secret', 'sops'],
    },
  },
  defaultOptions: undefined,
  check: inFilesMentioningSops(async (source, context) => {
    // The sops parsers (YAML, RE2) load on the first file that carries sops metadata: most commits have none.
    const [{ encryptedModelOf, hasContent, keyPathOf }, { shouldBeEncrypted }] = await Promise.all([
      import('../src/sops/file-checks.js'),
      import('../src/sops/selection.js'),
    ]);
    const model = encryptedModelOf(await source.sopsVerdict());
    if (!model) return;
    const selection = model.metadata.selection;
    for (const leaf of model.leaves) {
      if (looksLikeEnc(leaf.text) || !shouldBeEncrypted(leaf, selection)) continue;
      if (leaf.isComment) {
        if (leaf.text === '') continue;
        context.report({
          message: `plaintext comment in an encrypted position under ${keyPathOf(leaf)}: sops encrypts comments there but never checks them (MAC)`,
          index: leaf.start,
          endIndex: leaf.end,
          secret: leaf.text,
          severity: 'warning',
        });
        continue;
      }
      if (!hasContent(leaf)) continue;
      const what = leaf.type === 'str' ? 'value' : `${leaf.type} value`;
      context.report({
        message: `${what} at ${keyPathOf(leaf)} is not encrypted although the file's selection puts it in an encrypted position: re-encrypt with \`sops encrypt -i\` (or \`sops set\`)`,
        index: leaf.start,
        endIndex: leaf.end,
        secret: leaf.text,
      });
    }
  }),
};
