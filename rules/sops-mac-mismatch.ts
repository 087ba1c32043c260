/**
 * sops-mac-mismatch: with an age identity for the file, recompute the MAC the way `sops decrypt` does
 * (docs/sops-format.md §5) and compare it with the stored one. A mismatch means a value was edited, added, removed or
 * reordered without sops, or `lastmodified` was changed: sops itself would refuse to decrypt the file.
 */
import { SOPS_KEYWORDS, inFilesMentioningSops, isSopsFile } from '../src/sops/is-sops-file.js';
import type { MacProblemReason } from '../src/sops/crypto/verify.js';
import type { Rule } from '../src/types.js';

export interface SopsMacMismatchOptions {
  /** Report sops files that cannot be verified (no age identity for their recipients) as errors too. */
  readonly requireVerification: boolean;
}

const CAUSE_AND_FIX: Record<MacProblemReason, string> = {
  mismatch:
    'a value was edited, added or removed without sops, or lastmodified was changed; sops will refuse to decrypt it. ' +
    'Restore the file from git, or re-open it with `sops edit` and save (or re-encrypt it with `sops encrypt`) so sops recomputes the MAC',
  'no-mac': 'the mac field is missing or empty (a hand-made or truncated file); re-encrypt it with `sops encrypt`',
  'undecryptable-mac':
    'the stored MAC does not authenticate: lastmodified was changed, or the mac field was copied from another file; ' +
    'restore both from git, or re-encrypt the file with `sops encrypt`',
};

export const rule: Rule<SopsMacMismatchOptions> = {
  meta: {
    id: 'sops-mac-mismatch',
    description: 'A sops file whose MAC does not verify with its data key (edited without sops, or lastmodified changed)',
    keywords: SOPS_KEYWORDS,
    defaultSeverity: 'error',
    flags: [
      {
        name: 'require-verification',
        option: 'requireVerification',
        description: 'a sops file whose MAC cannot be verified (no age identity for it) is an error',
      },
    ],
    docs: 'docs/rules/sops-mac-mismatch.md',
    presentation: {
      why: 'The file was changed without sops, and sops refuses to decrypt it at the next deployment.',
      securitySeverity: '6.5',
      precision: 'very-high',
      tags: ['security', 'sops', 'integrity'],
    },
    options: { requireVerification: { type: 'boolean' } },
  },
  defaultOptions: { requireVerification: false },
  check: inFilesMentioningSops(async (source, context) => {
    if (!(await isSopsFile(source))) return;
    // One verification per file, shared with sops-undecryptable-value; the engine counts it for the summary.
    const outcome = await source.verification();
    if (outcome.kind === 'not-sops') return;
    const line = outcome.model.metadata?.line ?? 1;
    if (outcome.kind === 'unverifiable') {
      if (context.options.requireVerification) context.report({ message: outcome.reason, line, wholeFile: true });
      return;
    }
    if (outcome.result.ok) return;
    for (const problem of outcome.result.problems) {
      if (problem.kind === 'mac-mismatch') context.report({ message: `${problem.message}: ${CAUSE_AND_FIX[problem.reason]}`, line, wholeFile: true });
    }
  }),
};
