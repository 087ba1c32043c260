/**
 * sops-nothing-encrypted: a file carries sops metadata, so it looks protected, yet not one of its values is
 * ciphertext. The usual cause is a selection setting that matches no key, e.g. a Kubernetes rule's
 * `encrypted_regex: ^(data|stringData)$` applied to a `.env` (getsops/sops#1886), or a suffix no key carries.
 * A selection that names a key the file does have, only with nothing in it (a Secret with `stringData: {}`), did its
 * job: sops had nothing to encrypt, and no value is left readable that the rule meant to hide.
 */
import { looksLikeEnc } from '../src/sops/enc.js';
import type { EncryptedFileModel } from '../src/sops/file-checks.js';
import { inFilesMentioningSops, SOPS_KEYWORDS } from '../src/sops/is-sops-file.js';
import type { Rule } from '../src/types.js';
import { quote } from '../src/util/quote.js';

type Selection = Pick<typeof import('../src/sops/selection.js'), 'effectiveSelection' | 'isValidRe2' | 'shouldBeEncrypted'>;

function cause(
  model: EncryptedFileModel,
  valued: number,
  hasContent: (l: EncryptedFileModel['leaves'][number]) => boolean,
  { effectiveSelection, isValidRe2, shouldBeEncrypted }: Selection,
): string {
  const inEncryptedPosition = model.leaves.filter((l) => hasContent(l) && shouldBeEncrypted(l, model.metadata.selection)).length;
  const settings = effectiveSelection(model.metadata.selection);
  const named = settings.map((s) => `${s.setting} ${quote(s.value)}`).join(', ');
  if (inEncryptedPosition > 0) {
    return `${inEncryptedPosition} value(s) should be encrypted under ${named}, but none is: the file was written by hand or decrypted in place`;
  }
  const invalid = settings.find((s) => s.setting.endsWith('_regex') && !isValidRe2(s.value));
  if (invalid) return `${invalid.setting} ${quote(invalid.value)} is not valid RE2, so sops ignores it and matches nothing`;
  const first = settings[0]!;
  const target = first.setting.includes('comment') ? 'comment' : 'key';
  return first.setting.startsWith('unencrypted')
    ? `${first.setting} ${quote(first.value)} exempts every one of the ${valued} value(s)`
    : `${first.setting} ${quote(first.value)} matches no ${target}`;
}

/**
 * An `encrypted_regex`/`encrypted_suffix` that selects no value but names an empty map or list of the file
 * (`stringData: {}`): the key it was written for is there, and empty.
 */
function selectsOnlyEmptyKeys(
  model: EncryptedFileModel,
  values: EncryptedFileModel['leaves'],
  hasContent: (l: EncryptedFileModel['leaves'][number]) => boolean,
  { shouldBeEncrypted }: Selection,
): boolean {
  const selection = model.metadata.selection;
  if (selection.length !== 1 || !['encrypted_regex', 'encrypted_suffix'].includes(selection[0]!.setting)) return false;
  if (values.some((l) => hasContent(l) && shouldBeEncrypted(l, selection))) return false;
  return (model.emptyContainers ?? []).some((path) => shouldBeEncrypted({ path, commentStack: [], isComment: false }, selection));
}

export const rule: Rule<undefined> = {
  meta: {
    id: 'sops-nothing-encrypted',
    description: 'A file with sops metadata in which no value is encrypted',
    keywords: SOPS_KEYWORDS,
    defaultSeverity: 'error',
    docs: 'docs/rules/sops-nothing-encrypted.md',
    presentation: {
      why: 'The metadata makes the file look protected while every value in it is readable.',
      securitySeverity: '8.5',
      precision: 'high',
      tags: ['security', 'secret', 'sops'],
    },
  },
  defaultOptions: undefined,
  check: inFilesMentioningSops(async (source, context) => {
    // The sops parsers (YAML, RE2) load on the first file that carries sops metadata: most commits have none.
    const [{ encryptedModelOf, hasContent }, { effectiveSelection, isValidRe2, shouldBeEncrypted }] = await Promise.all([
      import('../src/sops/file-checks.js'),
      import('../src/sops/selection.js'),
    ]);
    const model = encryptedModelOf(await source.sopsVerdict());
    if (!model) return;
    const values = model.leaves.filter(hasContent);
    if (values.length === 0 || values.some((l) => l.type === 'str' && looksLikeEnc(l.text))) return;
    if (selectsOnlyEmptyKeys(model, values, hasContent, { effectiveSelection, isValidRe2, shouldBeEncrypted })) return;
    context.report({
      message: `sops metadata present but none of the ${values.length} value(s) is encrypted: ${cause(model, values.length, hasContent, { effectiveSelection, isValidRe2, shouldBeEncrypted })}`,
      line: model.metadata.line,
      wholeFile: true,
    });
  }),
};
