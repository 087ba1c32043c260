import { describe, expect, it } from 'vitest';
import { encryptedTwinNames, rule } from '../../rules/decrypted-twin.js';
import { testRule } from '../helpers/rule-tester.js';
import { enc, yamlMetadata } from '../helpers/sops-samples.js';

testRule(rule, {
  valid: [
    { path: 'svc/.env', content: 'A=1\n', name: 'no twin tracked' },
    { path: 'svc/.env.enc', content: 'A=1\n', otherPaths: ['svc/.env'], name: 'the encrypted one itself' },
    { path: 'k8s/secret.yaml', content: 'a: 1\n', otherPaths: ['other/secret.sops.yaml'], name: 'twin in another directory' },
    { path: 'k8s/secret.yaml', content: `a: ${enc()}\n${yamlMetadata()}`, otherPaths: ['k8s/secret.sops.yaml'], name: 'itself encrypted' },
  ],
  invalid: [
    { path: 'caddy/.env', content: 'CF_API_TOKEN=abc\n', otherPaths: ['caddy/.env.enc'], errors: [{ line: 1, message: 'caddy/.env.enc' }] },
    { path: '.env', content: 'A=1\n', otherPaths: ['.env.sops'], errors: [{ message: '.env.sops' }] },
    { path: 'k8s/secret.yaml', content: 'stringData:\n  x: y\n', otherPaths: ['k8s/secret.sops.yaml'], errors: [{ message: 'secret.sops.yaml' }] },
    { path: 'config/app.json', content: '{}', otherPaths: ['config/app.enc.json'], errors: [{ message: 'app.enc.json' }] },
  ],
});

describe('encryptedTwinNames', () => {
  it('inserts the marker before the extension and appends it', () => {
    expect(encryptedTwinNames('a/x.yaml')).toEqual(['a/x.yaml.enc', 'a/x.yaml.sops', 'a/x.yaml.encrypted', 'a/x.enc.yaml', 'a/x.sops.yaml', 'a/x.encrypted.yaml']);
    expect(encryptedTwinNames('.env')).toEqual(['.env.enc', '.env.sops', '.env.encrypted']);
  });
});
