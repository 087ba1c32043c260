/**
 * kubernetes-secret: a Kubernetes `Secret` manifest committed in plaintext (`kind: Secret` with non-empty `data` or
 * `stringData`) in a file that is not a sops file (the strict test, src/sops/is-sops-file.ts). In a GitOps
 * repository that is exactly the leak sops exists to prevent. Each credential among its values is reported, masked
 * (src/detection/secret-manifest-values.ts); values that are placeholders or substitutions (`${DB_PASSWORD}` for
 * Flux, `{{ }}`), empty, base64 of a placeholder, or settings that are no credential (`port: "5432"`) pass.
 */
import { isMap, isScalar, parseAllDocuments, type Document } from 'yaml';
import { isCredentialValue } from '../src/detection/secret-manifest-values.js';
import { isSopsFile } from '../src/sops/is-sops-file.js';
import type { Rule, RuleContext } from '../src/types.js';
import { isPlaceholder } from '../src/util/placeholders.js';

const KIND_SECRET = /(?:^|[\s{,])["']?kind["']?[ \t]*:[ \t]*["']?Secret["']?(?=[\s,}#]|$)/m;
const MANIFEST_FILE = /\.(?:ya?ml|json)$/i;

function isStandIn(value: string, base64: boolean): boolean {
  if (value.trim() === '' || value.includes('${') || value.includes('{{') || isPlaceholder(value)) return true;
  if (!base64) return false;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  return decoded.trim() === '' || decoded.includes('${') || isPlaceholder(decoded);
}

export const rule: Rule<undefined> = {
  meta: {
    id: 'kubernetes-secret',
    // The spellings of `kind: Secret` in YAML and JSON; KIND_SECRET confirms with a pattern.
    keywords: { 'kubernetes-secret': ['kind: secret', "kind: 'secret'", 'kind: "secret"', '"kind": "secret"', '"kind":"secret"'] },
    description: 'A Kubernetes Secret manifest with data or stringData committed in plaintext, outside sops',
    defaultSeverity: 'error',
    docs: 'docs/rules/kubernetes-secret.md',
    skipsCiphertext: true,
  },
  defaultOptions: undefined,
  appliesTo: (path) => MANIFEST_FILE.test(path),
  async check(source, context) {
    const { content } = source;
    if (!source.keywordOwners().has('kubernetes-secret') || !KIND_SECRET.test(content) || (await isSopsFile(source))) return;
    for (const doc of parseAllDocuments(content, { uniqueKeys: false })) {
      if ('errors' in doc && doc.errors.length === 0) reportSecretValues(doc, context);
    }
  },
};

function reportSecretValues(doc: Document, context: RuleContext<undefined>): void {
  const root = doc.contents;
  if (!isMap(root) || root.get('kind') !== 'Secret') return;
  for (const field of ['data', 'stringData'] as const) {
    const values = root.get(field, true);
    if (!isMap(values)) continue;
    for (const pair of values.items) {
      const value = pair.value;
      if (!isScalar(value) || typeof value.value !== 'string' || !value.range || isStandIn(value.value, field === 'data')) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      if (!isCredentialValue(key, value.value, field === 'data')) continue;
      context.report({
        message: `Kubernetes Secret ${field}.${key} committed in plaintext (base64 is not encryption): sops-encrypt the manifest (encrypted_regex: ^(data|stringData)$) and rotate the value`,
        index: value.range[0],
        endIndex: value.range[1],
        secret: value.value,
      });
    }
  }
}
