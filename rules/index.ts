/**
 * The registry: every rule secrets-guard runs, imported explicitly (no loading by name). A test checks that this
 * list, the files in rules/ and the README's rule table agree.
 */
import type { Rule } from '../src/types.js';

export const rules: readonly Rule<any>[] = [];
