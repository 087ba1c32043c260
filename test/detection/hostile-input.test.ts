/**
 * Repository content is hostile: a file built to make a detector's patterns backtrack must not stall a check. Each
 * case is a megabyte-scale line that repeats what one of the new detectors looks for, without ever completing it.
 */
import { describe, expect, it } from 'vitest';
import { rule as azureStorage } from '../../rules/azure-storage.js';
import { rule as genericCredential } from '../../rules/generic-credential.js';
import { rule as jwt } from '../../rules/jwt.js';
import { rule as kubernetesSecret } from '../../rules/kubernetes-secret.js';
import { rule as privateKey } from '../../rules/private-key.js';
import { rule as tokenFormats } from '../../rules/token-formats.js';
import { rule as urlCredentials } from '../../rules/url-credentials.js';
import { lintWith } from '../helpers/rule-tester.js';

const RULES = [tokenFormats, genericCredential, urlCredentials, jwt, azureStorage, kubernetesSecret, privateKey];
const CASES: Record<string, string> = {
  'mysql without -p': 'mysql '.repeat(150_000),
  'curl without -u': 'curl '.repeat(150_000),
  'one long dotted name': 'a.password.'.repeat(80_000) + '=',
  'names without values': 'password= '.repeat(80_000),
  'scheme after scheme': 'amqp://u:'.repeat(80_000),
  'JWT headers without a payload': 'eyJ'.repeat(200_000),
  'PEM headers without a body': '-----BEGIN PRIVATE KEY-----\\n" + "'.repeat(20_000),
  'sig= without a SAS': '?sig='.repeat(150_000),
  'discord tokens without an id': '// discord\n' + 'Mxxxxxxxxxxxxxxxxxxxxxxxxx.'.repeat(30_000),
};

describe('new detectors on hostile input', () => {
  for (const [name, content] of Object.entries(CASES)) {
    it(name, async () => {
      const started = performance.now();
      for (const rule of RULES) await lintWith(rule as never, { path: 'hostile.yaml', content });
      expect(performance.now() - started).toBeLessThan(5000);
    });
  }
});
