/**
 * private-key: private key material found by content in any file: PEM (RSA, EC, DSA, PKCS#8 and encrypted
 * PKCS#8), OpenSSH, PGP private key blocks, PuTTY keys, age identities and gpg-agent key files. A header alone
 * (documentation, a detector's own source) is not enough: PEM-style blocks need a key body after the header. Public
 * keys, age recipients (`age1…`) and sops' wrapped data keys (`BEGIN AGE ENCRYPTED FILE`, `BEGIN PGP MESSAGE`) pass.
 * Binary files are recognised by their first bytes: OpenPGP secret keyrings, PKCS#12 and Java key stores holding a
 * key (src/binary-keys); public keyrings, certificates and truststores pass.
 */
import { AGENT_KEY_SEXP, binaryPrivateKeyKind } from '../src/binary-keys/index.js';
import type { Rule, RuleContext } from '../src/types.js';

interface KeyPattern {
  readonly kind: string;
  readonly pattern: RegExp;
}

/**
 * Header, then a key body (base64, after optional PEM headers such as `Proc-Type:`). Line breaks may be real or
 * written as `\n` escapes, as in a JSON string (a GCP service-account file's `private_key`), escaped twice in JSON
 * inside a string (`\\n`); the key may be split across concatenated string literals (`"-----BEGIN…-----\n" +`
 * then `"MIIE…"`: `+` in JS, Java, Go, C#; `.` in PHP; `<<`, `\` in Ruby; `||` in SQL; nothing in Python and C;
 * `,` in an array of lines).
 */
const BREAK = String.raw`(?:\r?\n|(?:\\+r)?\\+n)`;
const JOIN = String.raw`["'\x60][ \t]*(?:[+.,\\]|\|\||<<)?[ \t]*\r?\n?[ \t]*[+.]?[ \t]*["'\x60]`;
const PEM_BODY =
  String.raw`[ \t]*(?:` +
  BREAK +
  `(?:` +
  JOIN +
  `)?|` +
  JOIN +
  String.raw`)(?:[A-Za-z-]+:[^\n]{0,200}?` +
  BREAK +
  String.raw`|[ \t]*` +
  BREAK +
  String.raw`)*[ \t"']*[A-Za-z0-9+/=]{40,}`;
const BECH32 = '[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]';

const PATTERNS: readonly KeyPattern[] = [
  { kind: 'PEM private key', pattern: new RegExp(String.raw`-----BEGIN ((?:RSA |EC |DSA |ENCRYPTED |ANY )?PRIVATE KEY)-----` + PEM_BODY, 'g') },
  { kind: 'OpenSSH private key', pattern: new RegExp(String.raw`-----BEGIN OPENSSH PRIVATE KEY-----` + PEM_BODY, 'g') },
  { kind: 'SSH2 private key', pattern: new RegExp(String.raw`---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----` + PEM_BODY, 'g') },
  { kind: 'PGP private key block', pattern: new RegExp(String.raw`-----BEGIN PGP PRIVATE KEY BLOCK-----` + PEM_BODY, 'g') },
  { kind: 'PuTTY private key', pattern: /PuTTY-User-Key-File-\d+:[^\n]*\n(?:[^\n]*\n){0,6}?Private-Lines:\s*\d+\s*\n[ \t]*[A-Za-z0-9+/=]{20,}/g },
  { kind: 'age identity', pattern: new RegExp(`AGE-SECRET-KEY-(?:PQ-)?1${BECH32}{58,}`, 'g') },
  { kind: 'age plugin identity', pattern: new RegExp(`AGE-PLUGIN-[A-Z0-9]+-1${BECH32}{20,}`, 'g') },
  // gpg-agent's private-keys-v1.d/*.key: the "Key:" text format, to the end of the key's S-expression.
  { kind: 'gpg-agent private key', pattern: /^Key:[ \t]*\((?:protected-)?private-key[ \t]*\([ \t]*[a-z][^]*/gm },
  { kind: 'gpg-agent private key', pattern: new RegExp(AGENT_KEY_SEXP.source + '[^]*', 'g') },
];

/** A private key held in a binary file (binary keyring, PKCS#12, Java key store), known by its first bytes. */
function reportBinary(head: Uint8Array, report: RuleContext<undefined>['report']): void {
  const kind = binaryPrivateKeyKind(head);
  if (!kind) return;
  const tail = `committed in plaintext: remove it (and rotate it: git history keeps it), or sops-encrypt the file`;
  // The first bytes stand for the key in the finding's fingerprint; they are never shown.
  report({ message: `${kind} ${tail}`, secret: Buffer.from(head.subarray(0, 4096)).toString('latin1') });
}

export const rule: Rule<undefined> = {
  meta: {
    id: 'private-key',
    description: 'Private key material (PEM, OpenSSH, PGP, PuTTY, age identity) in any file',
    defaultSeverity: 'error',
    docs: 'docs/rules/private-key.md',
    presentation: {
      why: 'A private key gives whoever reads it the identity it stands for, and git history keeps it after the file is deleted.',
      securitySeverity: '9.5',
      precision: 'very-high',
      tags: ['security', 'secret', 'private-key'],
    },
    skipsCiphertext: true,
    readsBinaryHead: true,
    // Every pattern below holds one of these literally (a PEM or SSH2 header's PRIVATE KEY, PuTTY's and age's
    // prefixes, gpg-agent's private-key S-expression).
    keywords: { 'private-key': ['private key', 'putty-user-key-file-', 'age-secret-key-', 'age-plugin-', 'private-key'] },
  },
  defaultOptions: undefined,
  check(source, context) {
    if (source.skipped === 'binary') {
      if (source.head) reportBinary(source.head, context.report);
      return;
    }
    if (!source.keywordOwners().has('private-key')) return;
    const { content } = source;
    for (const { kind, pattern } of PATTERNS) {
      for (const m of content.matchAll(pattern)) {
        context.report({
          message: `${kind} committed in plaintext: remove it (and rotate it: git history keeps it), or sops-encrypt the file`,
          index: m.index,
          endIndex: m.index + m[0].length,
          secret: m[0],
        });
      }
    }
  },
};
