/**
 * The registry: every rule secrets-guard runs, imported explicitly (no loading by name). A test checks that this
 * list, the files in rules/ and the README's rule table agree.
 */
import type { Rule } from '../src/types.js';
import { rule as decryptedTwin } from './decrypted-twin.js';
import { rule as plaintextEnvFile } from './plaintext-env-file.js';
import { rule as plaintextTfvars } from './plaintext-tfvars.js';
import { rule as privateKey } from './private-key.js';
import { rule as terraformState } from './terraform-state.js';

// Rules are heterogeneous in their options; the engine treats options as opaque values per rule.
export const rules: readonly Rule<any>[] = [plaintextEnvFile, plaintextTfvars, terraformState, privateKey, decryptedTwin];
