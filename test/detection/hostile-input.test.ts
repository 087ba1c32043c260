/**
 * Repository content is hostile: a file built to make a detector's patterns backtrack must not stall a check. Each
 * case is a megabyte-scale line that repeats what one of the new detectors looks for, without ever completing it.
 * A pattern that backtracks on one stalls the test until vitest's timeout stops it; how long each takes is measured by
 * bench/hostile-limits.mjs, never asserted here.
 */
import { describe, expect, it } from 'vitest';
import { rule as azureStorage } from '../../rules/azure-storage.js';
import { rule as genericCredential } from '../../rules/generic-credential.js';
import { rule as jwt } from '../../rules/jwt.js';
import { rule as kubernetesSecret } from '../../rules/kubernetes-secret.js';
import { rule as privateKey } from '../../rules/private-key.js';
import { rule as tokenFormats } from '../../rules/token-formats.js';
import { rule as urlCredentials } from '../../rules/url-credentials.js';
import { HOSTILE_DETECTOR_TEXTS } from '../helpers/hostile-texts.js';
import { lintWith } from '../helpers/rule-tester.js';

/** Texts a detector does report on; only their end is checked. (`password= password=` gives a name no value: the next name is none.) */
const REPORTED: Readonly<Record<string, string>> = {};
const RULES = [tokenFormats, genericCredential, urlCredentials, jwt, azureStorage, kubernetesSecret, privateKey];
describe('new detectors on hostile input', () => {
  for (const [name, content] of Object.entries(HOSTILE_DETECTOR_TEXTS)) {
    it(`${name}: finishes${name in REPORTED ? '' : ', and finds no credential'}`, async () => {
      const reporting: string[] = [];
      for (const rule of RULES) if ((await lintWith(rule as never, { path: 'hostile.yaml', content })).length > 0) reporting.push(rule.meta.id);
      expect(reporting).toEqual(name in REPORTED ? [REPORTED[name]] : []);
    });
  }
});
