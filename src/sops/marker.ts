/**
 * A cheap test for "this text is a sops file", used by rules that must not flag encrypted files as plaintext
 * (an `.env.enc`, a sops-encrypted tfvars). It looks for the metadata each store writes (docs/sops-format.md §2):
 * a top-level `sops:` mapping (YAML), a `"sops": {` object (JSON and binary), `sops_mac=`/`sops_version=` lines
 * (dotenv) or a `[sops]` section (INI). The full parsers in src/sops/stores decide what is well formed.
 */

const YAML_METADATA = /^sops:[ \t]*(?:#.*)?$/m;
const JSON_METADATA = /"sops"\s*:\s*\{/;
const DOTENV_METADATA = /^sops_(?:mac|version|lastmodified)=/m;
const INI_METADATA = /^\[sops\][ \t]*$/m;

export function looksSopsEncrypted(content: string): boolean {
  if (!content.includes('sops')) return false;
  return YAML_METADATA.test(content) || JSON_METADATA.test(content) || DOTENV_METADATA.test(content) || INI_METADATA.test(content);
}
