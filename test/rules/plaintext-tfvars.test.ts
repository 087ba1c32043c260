import { rule } from '../../rules/plaintext-tfvars.js';
import { testRule } from '../helpers/rule-tester.js';
import { corpusFile } from '../helpers/sops-corpus.js';

testRule(rule, {
  valid: [
    { path: 'terraform.tfvars', content: 'region = "eu-west-1"\ninstance_type = "t3.micro"\nkms_key_id = "arn:aws:kms:eu-west-1:1:key/abc"\n' },
    { path: 'prod.auto.tfvars', content: 'db_password = ""\napi_token = "${var.token}"\nssh_public_key = "ssh-ed25519 AAAAC3Nza"\n' },
    { path: 'vars.tfvars.json', content: '{"region": "eu-west-1", "db_password": "changeme"}' },
    {
      path: 'secrets.tfvars.json',
      name: 'sops-encrypted tfvars.json',
      content: corpusFile('getsops-sops/example.json'),
    },
    { path: 'main.tf', content: 'password = "hunter2-real"\n', name: 'not a tfvars file' },
  ],
  invalid: [
    { path: 'terraform.tfvars', content: 'region = "eu-west-1"\ndb_password = "S3cr3t-Pa55"\n', errors: [{ line: 2, column: 16, message: 'db_password' }] },
    { path: 'env/prod.auto.tfvars', content: 'proxmox = {\n  api_token = "root@pam!tf=1234-5678"\n}\n', errors: [{ line: 2, message: 'api_token' }] },
    { path: 'x.tfvars', content: 'private_key = <<EOT\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nEOT\n', errors: [{ line: 2, message: 'private_key' }] },
    { path: 'vars.tfvars.json', content: '{\n  "cloudflare": {\n    "apiToken": "cf-token-1234567890"\n  }\n}\n', errors: [{ line: 3, message: 'apiToken' }] },
  ],
});
