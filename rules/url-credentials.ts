/**
 * url-credentials: a password in a URL of any scheme (`amqp://`, `redis://`, `rediss://`, `nats://`, `ldap://`,
 * `smtp://`, `mongodb+srv://`, `https://user:pass@`), in a JDBC, ODBC or ADO.NET connection string, after
 * `curl -u`, and tokens in `Authorization: Basic` / `Bearer` headers written out. Interpolations and placeholders
 * pass. A fallback: secretlint's basicauth and database-connection-string rules keep the lines they report.
 */
import { reportCredential } from '../src/detection/report.js';
import { credentialsIn } from '../src/detection/url-credentials.js';
import { looksLikeCredential } from '../src/detection/value-shape.js';
import { isGeneratedOrMinified, isLockfile } from '../src/entropy/filters.js';
import type { Rule } from '../src/types.js';

/** A URL password or a header token is an example when it is not shaped like a credential (src/detection/value-shape.ts). */
const isExample = (secret: string): boolean => !looksLikeCredential(secret, 'password');

export const rule: Rule<undefined> = {
  meta: {
    id: 'url-credentials',
    // Each finder runs only where its keyword occurs (src/detection/url-credentials.ts).
    keywords: {
      'url-credentials/url': ['://'],
      'url-credentials/connection-string': ['pwd=', 'password='],
      'url-credentials/curl': ['curl'],
      'url-credentials/basic': ['basic'],
      'url-credentials/bearer': ['bearer'],
    },
    description: 'Passwords in URLs of any scheme and connection strings, curl -u, Basic and Bearer headers written out',
    defaultSeverity: 'error',
    docs: 'docs/rules/url-credentials.md',
    skipsCiphertext: true,
    fallback: true,
  },
  defaultOptions: undefined,
  appliesTo: (path) => !isLockfile(path),
  check(source, context) {
    const present = source.keywordOwners();
    if (![...present].some((id) => id.startsWith('url-credentials/')) || isGeneratedOrMinified(source.path, source.content)) return;
    const finders = (name: string): boolean => present.has(`url-credentials/${name}`);
    for (const found of credentialsIn(source.content, finders, isExample)) reportCredential(context, found.what, found.index, found.secret);
  },
};
