/**
 * The sops side of a scan: which `.sops.yaml` rule governs each path, and where ciphertext lies (so secret
 * detectors stay quiet there). Built from the config texts, so a worker thread can build the same view.
 */
import type { GoverningSopsRule } from '../types.js';

export interface SopsContext {
  sopsRuleFor(path: string): GoverningSopsRule | undefined;
  ciphertextSpans(content: string, path: string): ReadonlyArray<readonly [number, number]>;
}

/** A `.sops.yaml` as read from the scan's source. */
export interface SopsConfigSource {
  readonly path: string;
  readonly text: string;
}

// Integration point: replaced by the real lookup once src/sops/config and src/sops/ciphertext-spans exist.
export async function loadSopsContext(_configs: readonly SopsConfigSource[], _forced?: SopsConfigSource): Promise<SopsContext> {
  return { sopsRuleFor: () => undefined, ciphertextSpans: () => [] };
}
