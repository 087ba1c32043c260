/**
 * Values that only stand in for a secret: templates (`.env.example`), docs and tfvars samples use them, and a
 * scanner that flags them cries wolf. Shared by the plaintext-file rules.
 */

const PLACEHOLDER_WORDS =
  /^(?:changeme|change[-_ ]?me|change[-_ ]?this|replace[-_ ]?me|todo|tbd|fixme|placeholder|example|sample|dummy|test|none|null|nil|undefined|empty|secret|password|token|redacted|xxx+|\*+|\.\.\.|…|-+|_+)$/i;
const TEMPLATE_SYNTAX = /^(?:\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*|\{\{.*\}\}|<[^<>]+>|%\([^)]*\)s|%[A-Z_]+%|\[[^\]]*\])$/i;
const YOUR_SOMETHING = /^(?:your|my|some|insert|enter|put|add)[-_ ]|[-_](?:here|goes[-_]here)$/i;

export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return v === '' || PLACEHOLDER_WORDS.test(v) || TEMPLATE_SYNTAX.test(v) || YOUR_SOMETHING.test(v) || /^x{3,}$/i.test(v.replace(/[-_]/g, ''));
}

/** Names that usually hold credentials, by whole words of a snake, kebab or camel-case name. */
const SENSITIVE_WORDS = new Set(['password', 'passwd', 'pass', 'pwd', 'secret', 'secrets', 'token', 'credential', 'credentials', 'apikey', 'key', 'privatekey', 'passphrase', 'auth', 'dsn', 'webhook']);
/** Words that make a name about a key rather than the key itself. */
const BENIGN_WORDS = new Set(['public', 'pub', 'id', 'ids', 'name', 'names', 'path', 'file', 'arn', 'alias', 'type', 'length', 'size', 'region', 'version', 'url', 'uri', 'enabled', 'pair', 'usage', 'spec', 'algorithm', 'rotation', 'ttl', 'expiry', 'count', 'prefix', 'vault', 'ring', 'location']);

export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function isSensitiveName(name: string): boolean {
  const words = nameWords(name);
  const joined = words.join('');
  const sensitive = words.some((w) => SENSITIVE_WORDS.has(w)) || /apikey|accesskey|secretkey|privatekey|clientsecret/.test(joined);
  return sensitive && !words.some((w) => BENIGN_WORDS.has(w));
}
