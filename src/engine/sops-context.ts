/**
 * The sops side of a scan: which `.sops.yaml` rule governs each path, and where ciphertext lies (so secret
 * detectors stay quiet there). Built from the config texts, so a worker thread can build the same view.
 */
import { ciphertextSpans } from '../sops/ciphertext-spans.js';
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

// Integration point: the config lookup arrives with src/sops/config.
export async function loadSopsContext(_configs: readonly SopsConfigSource[], _forced?: SopsConfigSource): Promise<SopsContext> {
  return { sopsRuleFor: () => undefined, ciphertextSpans };
}
