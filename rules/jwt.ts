/**
 * jwt: a JSON Web Token written out: three base64url segments whose header decodes to a JSON object with `alg` and
 * whose payload decodes to a JSON object, with a signature. A signed token is a bearer credential until it expires
 * (many never do). jwt.io's published example token passes.
 */
import type { Rule } from '../src/types.js';

const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{2,8000}\.[A-Za-z0-9_-]{16,2000}(?![A-Za-z0-9_-])/g;

function decodedObject(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** jwt.io's example, in countless tutorials: `{"sub":"1234567890","name":"John Doe",...}`. */
const isDocumentationExample = (payload: Record<string, unknown>): boolean => payload.sub === '1234567890' && payload.name === 'John Doe';

export const rule: Rule<undefined> = {
  meta: {
    id: 'jwt',
    // A JWT's header is base64url of `{"`, which always begins `eyJ`.
    keywords: { jwt: ['eyj'] },
    description: 'A signed JSON Web Token written out (header with alg, JSON payload, signature)',
    defaultSeverity: 'error',
    docs: 'docs/rules/jwt.md',
    skipsCiphertext: true,
  },
  defaultOptions: undefined,
  check(source, context) {
    if (!source.keywordOwners().has('jwt')) return;
    for (const m of source.content.matchAll(JWT)) {
      const [header, payload] = m[0].split('.') as [string, string, string];
      const head = decodedObject(header);
      const claims = decodedObject(payload);
      if (typeof head?.alg !== 'string' || head.alg.toLowerCase() === 'none' || !claims || isDocumentationExample(claims)) continue;
      context.report({
        message: `JSON Web Token (${head.alg}) in plaintext: it works as a credential until it expires; revoke it and do not commit tokens`,
        index: m.index,
        endIndex: m.index + m[0].length,
        secret: m[0],
      });
    }
  },
};
