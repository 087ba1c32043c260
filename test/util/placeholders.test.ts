import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlaceholder } from '../../src/util/placeholders.js';
import { randomChars } from '../helpers/fake-tokens.js';
import { HOSTILE_PLACEHOLDER_VALUES } from '../helpers/hostile-texts.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URL_SAFE = ALNUM + '_-';

describe('isPlaceholder: one vocabulary for stand-in values', () => {
  const placeholders = [
    '',
    'changeme',
    'CHANGE_ME',
    'example',
    'dummy',
    'redacted',
    'ignored',
    'placeholder',
    'your_api_key',
    'YOUR-TOKEN-HERE',
    'insert-token-here',
    'xxx',
    '<password>',
    '${DB_PASSWORD}',
    '{{ .Values.token }}',
    '...',
    '…',
    // From the issue: known prefixes followed by placeholder runs or an ellipsis.
    'ghp_' + 'x'.repeat(36),
    'ghp_xxxx...',
    'xoxb-xxxx...',
    'glpat-' + 'X'.repeat(20),
    'glpat-XXXX...',
    'whsec_...',
    'sk_live_…',
    'xoxb-' + ['0'.repeat(10), '0'.repeat(13), 'x'.repeat(24)].join('-'),
    'XXXX-XXXX-XXXX-XXXX',
    'sk-...AbCd',
    'sk_live_<your-key>',
    'AKIA' + 'X'.repeat(16),
    'postgres://<user>:<pass>@host/db',
    'mysql://root:${MYSQL_PASSWORD}@db:3306/app',
    'https://user:xxxxxxxx@example.com',
    'AKIAIOSFODNN7EXAMPLE',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    // Stubs in tests and docs (issue 14, real repositories): a counting body, a body too short for any real token.
    'xoxb-1234-56789abcdefghijklmnop',
    'xoxp-0-stub-token',
    'xoxp-1-Mi123',
    'xoxb-123',
    'ghp_0123456789abcdef',
    'sk_live_abc123',
    // A word as the password of a service on this machine: a local-development default.
    'postgresql://context:contextdev@localhost:5432/context_platform',
    'mysql://root:root@127.0.0.1/app',
    'redis://:dev@[::1]:6379',
  ];
  for (const value of placeholders) it(`placeholder: ${JSON.stringify(value)}`, () => expect(isPlaceholder(value)).toBe(true));

  const real = [
    'hunter2-prod',
    'Zk8#q9pLw2mX',
    'my_password123',
    'your-key-8f3kQ2',
    'example-8f3kQ2pL9x',
    'testing123!',
    'abc',
    'ghp_' + randomChars(36, 11),
    'postgres://app:' + randomChars(16, 12) + '@db/app',
    'sk_live_' + randomChars(24, 13) + '...',
    'xoxb-' + ['0'.repeat(10), randomChars(13, 14, '0123456789'), 'x'.repeat(24)].join('-'),
    randomChars(30, 15) + 'example',
    'AKIA' + randomChars(12, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567') + 'TEST',
    // A counting run inside an otherwise random body, and a body just long enough, stay secrets.
    'xoxb-1234-5678-' + randomChars(24, 17),
    'xoxb-' + randomChars(12, 18, '0123456789'),
    'sk_live_' + randomChars(12, 19),
    // Counting runs count only after a known prefix: a password that counts is a weak password, not a stand-in.
    '123456789',
    'abcdefgh',
    // On localhost a password with a digit or a symbol is judged as usual; a word on a remote host too.
    'postgresql://context:Pr0d-s3cret@localhost:5432/app',
    'postgresql://context:contextdev@db.internal:5432/app',
    'postgresql://u:contextdev@localhost.attacker.example/app',
  ];
  for (const value of real) it(`not a placeholder: ${JSON.stringify(value)}`, () => expect(isPlaceholder(value)).toBe(false));
});

describe('isPlaceholder on hostile values', () => {
  // A pattern that backtracks on these stalls the test until vitest's timeout stops it; bench/hostile-limits.mjs
  // measures how long they take.
  it('answers on long runs that almost match', () => {
    for (const value of HOSTILE_PLACEHOLDER_VALUES) expect(isPlaceholder(value)).toBe(false);
  });
});

describe('isPlaceholder never classes a random token of a known format as a placeholder', () => {
  const formats: Record<string, (seed: number) => string> = {
    'GitHub classic': (s) => 'ghp_' + randomChars(36, s),
    'GitHub fine-grained': (s) => `github_pat_${randomChars(22, s)}_${randomChars(59, s + 1)}`,
    GitLab: (s) => 'glpat-' + randomChars(20, s, URL_SAFE),
    'Slack bot': (s) => ['xoxb', randomChars(12, s, '0123456789'), randomChars(13, s + 1, '0123456789'), randomChars(24, s + 2)].join('-'),
    'Stripe secret': (s) => 'sk_live_' + randomChars(24, s),
    'Stripe webhook': (s) => 'whsec_' + randomChars(32, s),
    'AWS access key id': (s) => 'AKIA' + randomChars(16, s, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'),
    'AWS secret key': (s) => randomChars(40, s, ALNUM + '+/'),
    npm: (s) => 'npm_' + randomChars(36, s),
    Anthropic: (s) => `sk-ant-api03-${randomChars(93, s, URL_SAFE)}AA`,
    'OpenAI project': (s) => `sk-proj-${randomChars(20, s, URL_SAFE)}T3BlbkFJ${randomChars(20, s + 1, URL_SAFE)}`,
    'Google API key': (s) => 'AIza' + randomChars(35, s, URL_SAFE),
    'age identity': (s) => 'AGE-SECRET-KEY-1' + randomChars(58, s, 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L'),
    'hex secret': (s) => randomChars(64, s, '0123456789abcdef'),
    'database URL': (s) => `postgres://app:${randomChars(20, s)}@db.internal:5432/app`,
  };
  for (const [name, make] of Object.entries(formats)) {
    it(name, () => {
      fc.assert(
        fc.property(fc.integer(), (seed) => !isPlaceholder(make(seed))),
        { numRuns: 300 },
      );
    });
  }

  it('a random 40-character string with a placeholder word inside it', () => {
    const word = fc.constantFrom('test', 'example', 'dummy', 'xxx', 'changeme', 'TODO', 'EXAMPLE', 'redacted', '...');
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 40 }), word, (seed, at, w) => {
        const base = randomChars(40, seed);
        return !isPlaceholder(base.slice(0, at) + w + base.slice(at));
      }),
      { numRuns: 500 },
    );
  });
});
