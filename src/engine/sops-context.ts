/**
 * The sops side of a scan: which `.sops.yaml` rule governs each path, where ciphertext lies, and the age
 * identities at hand. Filled in from src/sops/ (config matching, store parsing, key discovery).
 */
import type { GoverningSopsRule } from '../types.js';
import type { ScanPlan } from './plan.js';

export interface SopsContext {
  sopsRuleFor(path: string): GoverningSopsRule | undefined;
  ciphertextSpans(content: string, path: string): ReadonlyArray<readonly [number, number]>;
}

export interface SopsContextOptions {
  /** `--sops-config PATH`: one file governs everything, read from disk. */
  readonly forcedConfig?: string;
}

// Integration point: replaced by the real lookup once src/sops/config and src/sops/ciphertext-spans exist.
export async function loadSopsContext(_plan: ScanPlan, _options: SopsContextOptions): Promise<SopsContext> {
  return { sopsRuleFor: () => undefined, ciphertextSpans: () => [] };
}
