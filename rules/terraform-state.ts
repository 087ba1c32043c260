/**
 * terraform-state: Terraform state holds every resource attribute in plaintext, generated passwords and keys
 * included, so a state file never belongs in git whatever it holds. Judged by name: it also runs on state files
 * too large or binary for the text rules. A state file that sops encrypted is the one exception.
 */
import { isSopsFile } from '../src/sops/is-sops-file.js';
import type { Rule } from '../src/types.js';

const STATE_FILE = /(?:^|\/)[^/]*\.tfstate(?:\.[^/]*)?$/;

export const rule: Rule<undefined> = {
  meta: {
    id: 'terraform-state',
    description: 'A Terraform state file (secrets in plaintext), whatever its content',
    defaultSeverity: 'error',
    docs: 'docs/rules/terraform-state.md',
    presentation: {
      why: 'Terraform state records every attribute of every resource in plaintext, generated passwords and keys included.',
      securitySeverity: '8.5',
      precision: 'very-high',
      tags: ['security', 'secret', 'terraform'],
    },
    pathOnly: true,
  },
  defaultOptions: undefined,
  appliesTo: (path) => STATE_FILE.test(path),
  async check(source, context) {
    if (await isSopsFile(source)) return;
    context.report({
      message:
        'Terraform state file: state holds secrets in plaintext; keep it in a remote backend (S3, GCS, Terraform Cloud) and add *.tfstate* to .gitignore',
    });
  },
};
