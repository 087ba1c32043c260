/**
 * The sops side of a scan: which `.sops.yaml` rule governs each path, and where ciphertext lies (so secret
 * detectors stay quiet there). Built from the config texts, so a worker thread can build the same view.
 */
import type { GoverningSopsRule } from '../types.js';

export interface SopsContext {
  sopsRuleFor(path: string): GoverningSopsRule | undefined;
  ciphertextSpans(content: string, path: string): Promise<ReadonlyArray<readonly [number, number]>>;
}

/** A `.sops.yaml` as read from the scan's source. */
export interface SopsConfigSource {
  readonly path: string;
  readonly text: string;
}

/** Ciphertext and metadata spans; the sops parsers load only for text that could hold either. */
async function ciphertextSpans(content: string, path: string): Promise<ReadonlyArray<readonly [number, number]>> {
  if (!content.includes('sops') && !content.includes('ENC[')) return [];
  return (await import('../sops/ciphertext-spans.js')).ciphertextSpans(content, path);
}

/** The nearest `.sops.yaml` above each file (or the forced one), its first matching creation rule as sops picks it. */
export async function loadSopsContext(configs: readonly SopsConfigSource[], forced?: SopsConfigSource): Promise<SopsContext> {
  if (configs.length === 0 && !forced) return { sopsRuleFor: () => undefined, ciphertextSpans };
  // Loaded only for repositories that have a .sops.yaml: the YAML parser and RE2 stay off other commits' path.
  const { createSopsRuleLookup } = await import('../sops/config/index.js');
  const lookup = createSopsRuleLookup(configs, forced);
  const sopsRuleFor = (path: string): GoverningSopsRule | undefined => {
    const found = lookup.matchFor(path);
    if (found?.broken) return { configPath: found.config.path, ruleIndex: -1, rule: {}, undecidable: `${found.config.path} cannot be loaded by sops (${found.broken})` };
    if (found?.match.status !== 'invalid-regex') return lookup.ruleFor(path);
    const { rule, error } = found.match;
    return { configPath: found.config.path, ruleIndex: rule.index, rule: rule.raw, undecidable: `the path_regex of creation_rules[${rule.index}] does not compile (${error}), so sops refuses to encrypt it` };
  };
  return { sopsRuleFor, ciphertextSpans };
}
