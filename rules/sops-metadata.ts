/**
 * sops-metadata: the `sops` metadata of a file is incomplete, holds what sops does not write (an unknown field, a
 * value not of its field's form: sops' MAC does not cover the block, so anything can be hidden there), or a value
 * claims to be ciphertext without being well formed (docs/sops-format.md §2.2, §3, §7). Each problem makes sops refuse
 * the file (no keys, bad timestamps, several selection settings), lose its integrity check (no MAC), or makes the
 * guard treat the file as plain text.
 *
 * A metadata block that does not validate is reported where the file claims to be a sops file (a well-formed `mac`
 * or wrapped data key) or a creation rule covers it; a file that merely has a `sops` entry (a Helm setting) is not a
 * sops file and is left to the plaintext rules.
 */
import { encProblemAt, looksLikeEnc, parseEnc } from '../src/sops/enc.js';
import type { EncryptedFileModel } from '../src/sops/file-checks.js';
import { inFilesMentioningSops, SOPS_KEYWORDS } from '../src/sops/is-sops-file.js';
import type { Rule } from '../src/types.js';

const NO_MASTER_KEY = 'no master key of any kind (sops: "No keys found in file")';

/** What a block of known fields of the right forms can still lack or contradict. */
function completenessProblems(model: EncryptedFileModel): string[] {
  const m = model.metadata;
  const problems: string[] = [];
  if (!m.mac) problems.push('no `mac`: sops cannot check the file\'s integrity ("MAC mismatch. File has no MAC")');
  else if (parseEnc(m.mac) && parseEnc(m.mac)!.type !== 'str') problems.push('`mac` must be an ENC value of type:str');
  if (!m.lastmodified) problems.push('no `lastmodified`: sops needs it to check the MAC');
  if (!m.version) problems.push('no `version`: `sops filestatus` reports the file as not encrypted');
  if (m.selection.length > 1) {
    problems.push(`more than one selection setting (${m.selection.map((s) => s.setting).join(', ')}): sops refuses the file`);
  }
  return problems;
}

export const rule: Rule<undefined> = {
  meta: {
    id: 'sops-metadata',
    description: 'sops metadata is incomplete, inconsistent or holds what sops does not write, or an ENC value is malformed',
    keywords: SOPS_KEYWORDS,
    defaultSeverity: 'error',
    docs: 'docs/rules/sops-metadata.md',
    presentation: {
      why: 'Broken sops metadata makes sops refuse the file at deploy time or silently lose its integrity check.',
      securitySeverity: '5.0',
      precision: 'high',
      tags: ['security', 'sops', 'integrity'],
    },
  },
  defaultOptions: undefined,
  check: inFilesMentioningSops(async (source, context) => {
    // The sops parsers (YAML, RE2) load on the first file that mentions sops: most commits have none.
    const [{ keyPathOf }, { lineAt }] = await Promise.all([import('../src/sops/file-checks.js'), import('../src/sops/stores/build.js')]);
    const verdict = await source.sopsVerdict();
    // A file that does not parse holds no metadata; when a creation rule covers it, sops-unencrypted-file says so.
    if (verdict.kind === 'plain' || verdict.kind === 'unparsable') return;
    const { model } = verdict;
    const line = model.metadata.line;
    if (verdict.kind === 'invalid') {
      if (!verdict.review.claimsSops && !context.project.sopsRuleFor(source.path)) return;
      // At the block's line, as every metadata problem: on the value's own line it would hide the detectors'
      // finding there (the entropy rule gives way to a specific rule on the same line).
      for (const p of verdict.review.problems) context.report({ message: `${p.message} (line ${lineAt(source.content, p.start)})`, line });
      if (!verdict.hasMasterKey) context.report({ message: NO_MASTER_KEY, line });
    }
    for (const problem of completenessProblems(model)) context.report({ message: problem, line });
    for (const leaf of model.leaves) {
      if (!looksLikeEnc(leaf.text)) continue;
      const problem = encProblemAt(leaf.text, leaf.isComment);
      if (problem) {
        context.report({
          message: `malformed ENC ${leaf.isComment ? 'comment' : 'value'} at ${keyPathOf(leaf)}: ${problem}`,
          index: leaf.start,
          endIndex: leaf.end,
        });
      }
    }
  }),
};
