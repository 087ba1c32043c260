/**
 * plaintext-tfvars: a Terraform variables file that gives a literal value to a sensitive-looking name
 * (password, secret, token, key, credential, ...). Interpolations, empty strings and placeholders pass, and so
 * does a tfvars file that sops encrypted (sops writes it as JSON with a `sops` object).
 */
import { isSopsFile } from '../src/sops/is-sops-file.js';
import type { ReportDescriptor, Rule } from '../src/types.js';
import { isPlaceholder, isSensitiveName, nameWords } from '../src/util/placeholders.js';
import { quote } from '../src/util/quote.js';

const TFVARS = /\.tfvars(?:\.json)?$/;
/** `name = "literal"` (HCL), also inside maps and objects; the value group excludes interpolation-only strings. */
const HCL_STRING = /(?:^|[{,\s])([A-Za-z_][\w-]*|"[^"\n]+")[ \t]*[=:][ \t]*"((?:[^"\\\n]|\\.)*)"/gm;
const HCL_HEREDOC = /(?:^|\s)([A-Za-z_][\w-]*)[ \t]*=[ \t]*<<-?([A-Z_]+)\n([\s\S]*?)\n[ \t]*\2\b/gm;

function finding(name: string, value: string, index: number): ReportDescriptor {
  return {
    message: `"${quote(name)}" is set to a literal secret in a tfvars file: pass it via TF_VAR_${quote(name)} or a secret store, or sops-encrypt the file`,
    index,
    endIndex: index + value.length,
    secret: value,
  };
}

/**
 * A bare `key` names no secret in Terraform: a Kubernetes taint's key (`key = "dedicated"`), a tag's name
 * (`{ key = "Environment", value = "prod" }`), the S3 backend's state path (`key = "prod/terraform.tfstate"`).
 * Compound names stay sensitive: `db_key`, `api_key`, `private_key`.
 */
function isSecretName(name: string): boolean {
  return isSensitiveName(name) && nameWords(name).join('_') !== 'key';
}

function isLiteral(value: string): boolean {
  return !isPlaceholder(value) && !/^\$\{[^}]*\}$/.test(value.trim());
}

function hclFindings(content: string): ReportDescriptor[] {
  const out: ReportDescriptor[] = [];
  for (const m of content.matchAll(HCL_STRING)) {
    const name = m[1]!.replace(/^"|"$/g, '');
    const value = m[2]!;
    if (isSecretName(name) && isLiteral(value)) out.push(finding(name, value, m.index + m[0].length - value.length - 1));
  }
  for (const m of content.matchAll(HCL_HEREDOC)) {
    const body = m[3]!;
    if (isSecretName(m[1]!) && isLiteral(body)) out.push(finding(m[1]!, body, m.index + m[0].indexOf(body)));
  }
  return out;
}

/** `.tfvars.json`: walk the object; find each reported value's text for its position. */
function jsonFindings(content: string): ReportDescriptor[] {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return hclFindings(content); // not JSON after all: read it as HCL-like text rather than skip it
  }
  const out: ReportDescriptor[] = [];
  const walk = (value: unknown, name: string): void => {
    if (typeof value === 'string') {
      if (isSecretName(name) && isLiteral(value)) {
        const at = content.indexOf(JSON.stringify(value).slice(1, -1));
        out.push(finding(name, value, Math.max(0, at)));
      }
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, Array.isArray(value) ? name : k);
    }
  };
  walk(data, '');
  return out;
}

export const rule: Rule<undefined> = {
  meta: {
    id: 'plaintext-tfvars',
    description: 'A tfvars file that assigns a literal to a sensitive-looking variable',
    defaultSeverity: 'error',
    docs: 'docs/rules/plaintext-tfvars.md',
    presentation: {
      why: 'tfvars files carry the provider tokens and database passwords Terraform code needs, readable by anyone with the repository.',
      securitySeverity: '7.5',
      precision: 'high',
      tags: ['security', 'secret', 'terraform'],
    },
  },
  defaultOptions: undefined,
  appliesTo: (path) => TFVARS.test(path),
  async check(source, context) {
    if (await isSopsFile(source)) return;
    const found = source.path.endsWith('.json') ? jsonFindings(source.content) : hclFindings(source.content);
    for (const descriptor of found) context.report(descriptor);
  },
};
