import { rule } from '../../rules/jwt.js';
import { randomChars } from '../helpers/fake-tokens.js';
import { testRule } from '../helpers/rule-tester.js';

const seg = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const sig = randomChars(43, 31, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-');
const jwt = (header: unknown, payload: unknown) => `${seg(header)}.${seg(payload)}.${sig}`;
const real = jwt({ alg: 'HS256', typ: 'JWT' }, { sub: 'svc-deploy', iat: 1700000000, scope: 'admin' });

testRule(rule, {
  valid: [
    {
      name: "jwt.io's example token",
      path: 'README.md',
      content: `Authorization: Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, { sub: '1234567890', name: 'John Doe', iat: 1516239022 })}\n`,
    },
    { name: 'an unsigned token (alg none)', path: 'a.txt', content: `t = ${jwt({ alg: 'none' }, { sub: 'x' })}\n` },
    { name: 'a header without alg', path: 'a.txt', content: `t = ${jwt({ typ: 'JWT' }, { sub: 'x' })}\n` },
    { name: 'base64 that is not JSON', path: 'a.txt', content: `t = eyJ${randomChars(30, 32)}.eyJ${randomChars(30, 33)}.${sig}\n` },
    { name: 'two segments only', path: 'a.txt', content: `t = ${seg({ alg: 'HS256' })}.${seg({ sub: 'x' })}\n` },
  ],
  invalid: [
    {
      name: 'a token in a test script',
      path: 'scripts/call.sh',
      content: `curl -H "Authorization: Bearer ${real}" https://api.internal\n`,
      errors: [{ line: 1, column: 32, message: 'HS256' }],
    },
    { name: 'a token in YAML', path: 'config.yaml', content: `service:\n  token: ${real}\n`, errors: [{ line: 2 }] },
  ],
});
