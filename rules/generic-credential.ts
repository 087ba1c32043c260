/**
 * generic-credential: a literal given to a name that says password, secret, token, API key, access key, private key,
 * credential or auth, in any language or config format, and a password after `-p` in a mysql-style command. The
 * literal must look like the credential itself (src/detection/value-shape.ts): placeholders, interpolations,
 * references, function calls, paths, words and settings pass. A fallback: where a specific rule reports the same
 * line, its finding is the one kept.
 */
import { allowsUnquotedValues } from '../src/detection/assignments.js';
import { credentialAssignments } from '../src/detection/credential-assignments.js';
import { reportCredential, worthReading } from '../src/detection/report.js';
import { looksLikeCredential } from '../src/detection/value-shape.js';
import { isLockfile } from '../src/entropy/filters.js';
import type { Rule } from '../src/types.js';

/** A Bitnami SealedSecret holds ciphertext under the credentials' names (`encryptedData.password`). */
const SEALED_SECRET = /^kind:[ \t]*["']?SealedSecret/m;
/** `mysql -u root -p<password>`: the password glued to `-p` (`-p` alone, or `-P 3306`, is not one). secrets-guard-allow: an example */
const MYSQL_PASSWORD =
  /\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mariadb|mariadb-dump)\b[^\n]{0,400}?[ \t]-p(?:"([^"\s]{1,200})"|'([^'\s]{1,200})'|([^\s"'-][^\s"';|&]{0,200}))/g;

export const rule: Rule<undefined> = {
  meta: {
    id: 'generic-credential',
    // The heads of the credential names (src/detection/credential-names.ts) and the mysql clients' -p<password>.
    keywords: {
      'generic-credential': ['pass', 'pwd', 'secret', 'token', 'key', 'credential', 'auth'],
      'generic-credential/mysql': ['mysql', 'mariadb'],
    },
    description: 'A password, secret, token or API key assigned as a literal, in any language or config format',
    defaultSeverity: 'error',
    docs: 'docs/rules/generic-credential.md',
    skipsCiphertext: true,
    fallback: true,
  },
  defaultOptions: undefined,
  appliesTo: (path) => !isLockfile(path),
  check(source, context) {
    const { content } = source;
    // The shared keyword pass says which finders can report; neither searches a file the pass found nothing for.
    const named = worthReading('generic-credential', source);
    const mysql = worthReading('generic-credential/mysql', source);
    if ((!named && !mysql) || (content.includes('SealedSecret') && SEALED_SECRET.test(content))) return;
    if (named) {
      for (const a of credentialAssignments(content, allowsUnquotedValues(source.path))) {
        reportCredential(context, `${a.kind === 'password' ? 'Password' : 'Secret'} assigned to \`${a.name}\``, a.index, a.value);
      }
    }
    if (!mysql) return;
    for (const m of content.matchAll(MYSQL_PASSWORD)) {
      const value = m[1] ?? m[2] ?? m[3]!;
      if (looksLikeCredential(value, 'password'))
        reportCredential(context, 'Password given to a database command with -p', m.index + m[0].lastIndexOf(value), value);
    }
  },
};
