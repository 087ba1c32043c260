/**
 * sops-metadata: the `sops` metadata of a file is incomplete or contradicts itself, or a value claims to be
 * ciphertext without being well formed (docs/sops-format.md §2.2, §3, §7). Each problem makes sops refuse the file
 * (no keys, bad timestamps, several selection settings) or lose its integrity check (no MAC).
 */
import { encProblem, looksLikeEnc, parseEnc } from '../src/sops/enc.js';
import type { EncryptedFileModel } from '../src/sops/file-checks.js';
import { parseRfc3339 } from '../src/sops/go-format.js';
import { looksSopsEncrypted } from '../src/sops/marker.js';
import type { Rule } from '../src/types.js';

const KEY_LISTS = ['pgp', 'kms', 'gcp_kms', 'azure_kv', 'hc_vault', 'hckms'];

function metadataProblems(model: EncryptedFileModel): string[] {
  const m = model.metadata;
  const problems: string[] = [];
  if (!m.mac) problems.push('no `mac`: sops cannot check the file\'s integrity ("MAC mismatch. File has no MAC")');
  else {
    const problem = encProblem(m.mac);
    if (problem) problems.push(`\`mac\` is not a valid ENC value: ${problem}`);
    else if (parseEnc(m.mac)!.type !== 'str') problems.push('`mac` must be an ENC value of type:str');
  }
  if (!m.lastmodified) problems.push('no `lastmodified`: sops needs it to check the MAC');
  else if (!parseRfc3339(m.lastmodified)) problems.push('`lastmodified` is not an RFC 3339 timestamp: sops refuses to load the file');
  if (!m.version) problems.push('no `version`: `sops filestatus` reports the file as not encrypted');
  if (m.keys.length === 0) problems.push('no master key of any kind (sops: "No keys found in file")');
  if (m.selection.length > 1) {
    problems.push(`more than one selection setting (${m.selection.map((s) => s.setting).join(', ')}): sops refuses the file`);
  }
  const groups = [m.raw, ...(Array.isArray(m.raw['key_groups']) ? (m.raw['key_groups'] as unknown[]) : [])];
  for (const group of groups) {
    if (typeof group !== 'object' || group === null) continue;
    for (const list of KEY_LISTS) {
      const keys = (group as Record<string, unknown>)[list];
      if (!Array.isArray(keys)) continue;
      for (const key of keys as Array<Record<string, unknown> | null>) {
        const createdAt = key?.['created_at'];
        if (createdAt !== undefined && !parseRfc3339(String(createdAt))) {
          problems.push(`a ${list} key's \`created_at\` is not an RFC 3339 timestamp: sops refuses to load the file`);
        }
      }
    }
  }
  return problems;
}

export const rule: Rule<undefined> = {
  meta: {
    id: 'sops-metadata',
    description: 'sops metadata is incomplete or inconsistent, or an ENC value is malformed',
    defaultSeverity: 'error',
  },
  defaultOptions: undefined,
  async check(source, context) {
    if (!source.content.includes('sops')) return;
    // The sops parsers (YAML, RE2) load on the first file that carries sops metadata: most commits have none.
    const [{ encryptedModelOf, keyPathOf }, { isParseFailure, parseSopsFile }] = await Promise.all([import('../src/sops/file-checks.js'), import('../src/sops/stores/index.js')]);
    const model = encryptedModelOf(source.path, source.content);
    if (!model) {
      // A sops file that no longer parses; when a creation rule covers it, sops-unencrypted-file reports it instead.
      if (!looksSopsEncrypted(source.content) || context.project.sopsRuleFor(source.path)) return;
      const parsed = parseSopsFile(source.path, source.content);
      if (isParseFailure(parsed)) {
        context.report({ message: `sops file does not parse as ${parsed.store}: ${parsed.error}`, ...(parsed.line ? { line: parsed.line } : {}) });
      }
      return;
    }
    for (const problem of metadataProblems(model)) context.report({ message: problem, line: model.metadata.line });
    for (const leaf of model.leaves) {
      if (!looksLikeEnc(leaf.text)) continue;
      const problem = encProblem(leaf.text);
      if (problem) {
        context.report({
          message: `malformed ENC ${leaf.isComment ? 'comment' : 'value'} at ${keyPathOf(leaf)}: ${problem}`,
          index: leaf.start, endIndex: leaf.end,
        });
      }
    }
  },
};
