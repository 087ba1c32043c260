/** Whatever a detector finds, the report shows at most the masked prefix of the planted secret. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rule as highEntropy } from '../../rules/high-entropy-string.js';
import { rule as secretlint } from '../../rules/secretlint.js';
import { fake } from '../helpers/fake-tokens.js';
import { lintWith } from '../helpers/rule-tester.js';

const CONTEXTS = [
  (s: string) => `API_TOKEN=${s}\n`,
  (s: string) => `const token = "${s}";\n`,
  (s: string) => `config:\n  secret: '${s}'\n`,
  (s: string) => `{"password": "${s}", "note": "token ${s}"}\n`,
];

describe('no finding message contains the planted secret', () => {
  it('high-entropy-string, for random tokens in every context', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 32, max: 64 }), fc.constantFrom(...CONTEXTS), async (seed, length, context) => {
        const secret = fake.genericBase64(seed, length);
        const found = await lintWith(highEntropy, { path: 'a.txt', content: context(secret) });
        for (const f of found) expect(f.message).not.toContain(secret.slice(4, 12));
      }),
      { numRuns: 60 },
    );
  });

  it('secretlint, for each planted token format', async () => {
    const secrets = [fake.github(5), fake.slackBot(6), fake.stripe(7)];
    for (const secret of secrets) {
      for (const context of CONTEXTS) {
        const found = await lintWith(secretlint, { path: 'a.txt', content: context(secret) });
        expect(found.length).toBeGreaterThan(0);
        for (const f of found) expect(f.message).not.toContain(secret.slice(4));
      }
    }
  });
});
