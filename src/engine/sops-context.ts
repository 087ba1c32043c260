/**
 * The sops side of a scan: which `.sops.yaml` rule governs each path. Built from the config texts, so a worker
 * thread can build the same view. (Where ciphertext lies is a view of each file: source-file.ts.)
 */
import type { SopsConfigParses } from '../sops/config/parse.js';
import type { GoverningSopsRule } from '../types.js';

export interface SopsContext {
  sopsRuleFor(path: string): GoverningSopsRule | undefined;
}

/** A `.sops.yaml` as read from the scan's source. */
export interface SopsConfigSource {
  readonly path: string;
  readonly text: string;
}

const loadConfigSupport = () => import('../sops/config/index.js');

/**
 * Starts loading the `.sops.yaml` parser and RE2 without waiting, for a caller that knows a config
 * exists while git is still listing the files: the load then overlaps git's work. Errors surface on real use.
 */
export function preloadSopsConfigSupport(): void {
  loadConfigSupport().catch(() => {});
}

/** The nearest `.sops.yaml` above each file (or the forced one), its first matching creation rule as sops picks it. */
export async function loadSopsContext(
  configs: readonly SopsConfigSource[],
  forced: SopsConfigSource | undefined,
  parses: SopsConfigParses,
): Promise<SopsContext> {
  if (configs.length === 0 && !forced) return { sopsRuleFor: () => undefined };
  // Loaded only for repositories that have a .sops.yaml: the YAML parser and RE2 stay off other commits' path.
  const { createSopsRuleLookup } = await loadConfigSupport();
  const lookup = createSopsRuleLookup(configs, forced, parses);
  return { sopsRuleFor: lastPathRemembered(lookup.governingRuleFor) };
}

/**
 * Every sops rule asks about the file it checks, one after another: remembering the last answer turns seven RE2
 * lookups per file into one, without a table that grows with the repository.
 */
function lastPathRemembered(lookup: (path: string) => GoverningSopsRule | undefined): (path: string) => GoverningSopsRule | undefined {
  let lastPath: string | undefined;
  let lastRule: GoverningSopsRule | undefined;
  return (path) => {
    if (path !== lastPath) {
      lastRule = lookup(path);
      lastPath = path;
    }
    return lastRule;
  };
}
