import { rule } from '../../rules/terraform-state.js';
import { testRule } from '../helpers/rule-tester.js';
import { corpusFile } from '../helpers/sops-corpus.js';

testRule(rule, {
  valid: [
    { path: 'main.tf', content: 'resource "x" "y" {}\n' },
    { path: 'docs/tfstate.md', content: 'about state\n' },
    {
      path: 'state/terraform.tfstate',
      name: 'sops-encrypted state',
      // sops writes a state file (binary store) as JSON with the whole content under `data`.
      content: corpusFile('getsops-sops/example.txt'),
    },
  ],
  invalid: [
    { path: 'terraform.tfstate', content: '{"version": 4, "resources": []}', errors: [{ line: 1, message: 'Terraform state' }] },
    { path: 'envs/prod/terraform.tfstate.backup', content: '', errors: [{ line: 1 }] },
    { path: 'terraform.tfstate.1700000000.backup', content: '{}', errors: [{ line: 1 }] },
  ],
});
