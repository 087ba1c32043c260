/**
 * sops-undecryptable-value: with an age identity for the file, every value in an encrypted position must
 * authenticate under its own key path (docs/sops-format.md §5: the path is the AAD). One that does not was moved or
 * copied from another key or another file, or altered; `sops decrypt` fails on it.
 */
import { SOPS_KEYWORDS, inFilesMentioningSops, isSopsFile } from '../src/sops/is-sops-file.js';
import type { Rule } from '../src/types.js';

const FIX =
  'sops cannot decrypt this file. Restore the value from git, or set it again with `sops set` / `sops edit` ' +
  "(a ciphertext cannot be copied between keys or files: each is bound to its path and its file's data key)";

export const rule: Rule<undefined> = {
  meta: {
    id: 'sops-undecryptable-value',
    description: 'A sops value that fails authentication under its key path (moved or copied from another key or file)',
    keywords: SOPS_KEYWORDS,
    defaultSeverity: 'error',
    docs: 'docs/rules/sops-undecryptable-value.md',
    presentation: {
      why: 'A value moved or copied from another key or file stops `sops decrypt`, so the file cannot be deployed.',
      securitySeverity: '5.0',
      precision: 'very-high',
      tags: ['security', 'sops', 'integrity'],
    },
  },
  defaultOptions: undefined,
  check: inFilesMentioningSops(async (source, context) => {
    if (!(await isSopsFile(source))) return;
    // One verification per file, shared with sops-mac-mismatch; the engine counts it for the summary.
    const outcome = await source.verification();
    if (outcome.kind !== 'checked' || outcome.result.ok) return;
    for (const problem of outcome.result.problems) {
      if (problem.kind !== 'undecryptable-value') continue;
      const where = problem.document > 0 ? ` (document ${problem.document + 1})` : '';
      context.report({ message: `${problem.message}${where}. ${FIX}`, index: problem.start, endIndex: problem.end });
    }
  }),
};
