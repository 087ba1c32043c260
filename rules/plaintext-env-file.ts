/**
 * plaintext-env-file: a dotenv file without sops metadata that assigns a value. The usual leftover of
 * `sops -d .env.enc > .env`, or a file created without `sops -e`. Templates (`.env.example` and kin) are meant to
 * be committed: one is reported only when a credential's name holds a value shaped like a credential, by the same
 * judgement generic-credential applies (src/detection/value-shape.ts). Placeholders and the local-development
 * defaults of a docker-compose setup (`POSTGRES_PASSWORD=contextdev`, `MINIO_ROOT_PASSWORD=minioadmin`: plain words)
 * pass; `DB_PASSWORD=Zk8#q9pLw2mX` or a random API key does not.
 * A real env file is reported whole as soon as one value could be a secret: any literal under a credential's name
 * (`DB_PASSWORD=postgres` is a committed password, whatever its shape), or anything but a plain setting under any
 * name (src/detection/plain-setting.ts). A file of settings and placeholders only (`PUBLIC_URL=.`, `NRIA_VERBOSE=0`,
 * `NRIA_LICENSE_KEY=REPLACE_LICENSE_KEY_HERE`) holds nothing to encrypt and passes.
 */
import { credentialKind } from '../src/detection/credential-names.js';
import { isPlainSetting } from '../src/detection/plain-setting.js';
import { looksLikeCredential } from '../src/detection/value-shape.js';
import { isSopsFile } from '../src/sops/is-sops-file.js';
import type { Rule } from '../src/types.js';
import { isPlaceholder, isSensitiveName } from '../src/util/placeholders.js';
import { quote } from '../src/util/quote.js';

const TEMPLATE_SUFFIXES = ['example', 'sample', 'template', 'tmpl', 'tpl', 'dist', 'defaults', 'default'];

function isEnvFileName(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name === '.env' || name.startsWith('.env.') || name.endsWith('.env');
}

function isTemplate(path: string): boolean {
  const parts = path
    .slice(path.lastIndexOf('/') + 1)
    .toLowerCase()
    .split('.');
  return parts.some((p) => TEMPLATE_SUFFIXES.includes(p));
}

interface Assignment {
  readonly key: string;
  readonly value: string;
  /** Offset of the value in the file. */
  readonly index: number;
}

/** `${DB_PASS:-value}`: the default after a reference is a value like any other, and is judged. */
const REFERENCE_DEFAULT = /^(\$\{[A-Za-z_][A-Za-z0-9_]*:?[-=])(.*)\}$/;

const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*(.*)$/gm;

/** dotenv assignments with surrounding quotes and trailing comments removed. */
function envAssignments(content: string): Assignment[] {
  const found: Assignment[] = [];
  for (const m of content.matchAll(ASSIGNMENT)) {
    const raw = m[2]!.replace(/\r$/, '');
    const quoted = /^(["'`])(.*)\1/.exec(raw);
    const literal = quoted ? quoted[2]! : raw.replace(/[ \t]+#.*$/, '').trim();
    const withDefault = REFERENCE_DEFAULT.exec(literal);
    const value = withDefault ? withDefault[2]! : literal;
    const index = m.index + m[0].length - m[2]!.length + (quoted ? 1 : 0) + (withDefault ? withDefault[1]!.length : 0);
    found.push({ key: m[1]!, value, index });
  }
  return found;
}

/** A template's assignment of a credential-shaped value to a credential's name (a vague sensitive name: a token's shape). */
function holdsCredential({ key, value }: Assignment): boolean {
  const kind = credentialKind(key) ?? (isSensitiveName(key) ? 'token' : undefined);
  return kind !== undefined && looksLikeCredential(value, kind);
}

/** A real env file's value that could be a secret: a literal under a credential's name, or more than a setting. */
function couldBeSecret({ key, value }: Assignment): boolean {
  return credentialKind(key) !== undefined || isSensitiveName(key) || !isPlainSetting(value);
}

export const rule: Rule<undefined> = {
  meta: {
    id: 'plaintext-env-file',
    description: 'A .env file that is not sops-encrypted and assigns values',
    defaultSeverity: 'error',
    docs: 'docs/rules/plaintext-env-file.md',
    presentation: {
      why: 'A plaintext .env is the most common way a credential reaches a repository.',
      securitySeverity: '7.5',
      precision: 'high',
      tags: ['security', 'secret', 'dotenv'],
    },
  },
  defaultOptions: undefined,
  appliesTo: isEnvFileName,
  async check(source, context) {
    if (await isSopsFile(source)) return;
    const template = isTemplate(source.path);
    const assigned = envAssignments(source.content).filter((a) => (template ? holdsCredential(a) : !isPlaceholder(a.value)));
    const first = assigned[0];
    if (!first || (!template && !assigned.some(couldBeSecret))) return;
    const names = assigned.map((a) => quote(a.key));
    const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? `, +${names.length - 5} more` : '');
    context.report({
      message: template
        ? `template ${source.path} holds a real-looking value for ${shown}: use an empty value or a placeholder`
        : `plaintext env file assigns ${assigned.length} value(s) (${shown}): encrypt it with \`sops encrypt\` into .env.enc (or a *.sops.env) and add the plaintext to .gitignore`,
      index: first.index,
      endIndex: first.index + first.value.length,
      secret: first.value,
      wholeFile: true, // every assignment, not the first one only
    });
  },
};
