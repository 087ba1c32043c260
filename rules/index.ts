/**
 * The registry: every rule secrets-guard runs, imported explicitly (no loading by name). A test checks that this
 * list, the files in rules/ and the README's rule table agree.
 */
import type { Rule } from '../src/types.js';
import { rule as azureStorage } from './azure-storage.js';
import { rule as decryptedTwin } from './decrypted-twin.js';
import { rule as genericCredential } from './generic-credential.js';
import { rule as jwt } from './jwt.js';
import { rule as highEntropyString } from './high-entropy-string.js';
import { rule as kubernetesSecret } from './kubernetes-secret.js';
import { rule as plaintextEnvFile } from './plaintext-env-file.js';
import { rule as plaintextTfvars } from './plaintext-tfvars.js';
import { rule as privateKey } from './private-key.js';
import { rule as secretlint } from './secretlint.js';
import { rule as sopsConfig } from './sops-config.js';
import { rule as sopsMacMismatch } from './sops-mac-mismatch.js';
import { rule as sopsMetadata } from './sops-metadata.js';
import { rule as sopsNothingEncrypted } from './sops-nothing-encrypted.js';
import { rule as sopsPlaintextValue } from './sops-plaintext-value.js';
import { rule as sopsRuleDrift } from './sops-rule-drift.js';
import { rule as sopsUndecryptableValue } from './sops-undecryptable-value.js';
import { rule as sopsUnencryptedFile } from './sops-unencrypted-file.js';
import { rule as terraformState } from './terraform-state.js';
import { rule as tokenFormats } from './token-formats.js';
import { rule as urlCredentials } from './url-credentials.js';

// Rules are heterogeneous in their options; the engine treats options as opaque values per rule.
export const rules: readonly Rule<any>[] = [
  // SOPS: files the .sops.yaml rules cover, and what sops itself would not catch.
  sopsUnencryptedFile,
  sopsPlaintextValue,
  sopsNothingEncrypted,
  sopsMetadata,
  sopsMacMismatch,
  sopsUndecryptableValue,
  sopsRuleDrift,
  sopsConfig,
  // Plaintext files that should never be committed.
  plaintextEnvFile,
  plaintextTfvars,
  terraformState,
  decryptedTwin,
  kubernetesSecret,
  // Secret detection in any file.
  privateKey,
  secretlint,
  tokenFormats,
  jwt,
  azureStorage,
  urlCredentials,
  genericCredential,
  highEntropyString,
];
