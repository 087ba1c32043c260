/**
 * Where a file holds sops ciphertext, so that the engine can drop findings of secret detectors there (base64
 * ciphertext and armored age/PGP keys look like secrets but are not). Trust is narrow, because everything here is
 * written by whoever wrote the file:
 * - in a sops file (valid metadata, src/sops/sops-file.ts), a value or comment that is exactly a well-formed ENC
 *   value of the right kind (docs/sops-format.md §3); never a key, never an ENC value inside a longer text;
 * - in any metadata block, only the values that are ciphertext or recipients by definition and have their field's
 *   form (src/sops/metadata-schema.ts). Unknown fields, other values and comments there are text like any other.
 * Anywhere else `ENC[...]` is just text.
 */
import { encProblemAt, looksLikeEnc } from './enc.js';
import type { SopsLeaf } from './model.js';
import { sopsVerdict, type SopsVerdict } from './sops-file.js';

export type Span = readonly [number, number];

/** A leaf sops wrote as ciphertext: the whole value (or comment) is a well-formed ENC value of its kind. */
export function isTrustedCiphertext(leaf: SopsLeaf): boolean {
  return leaf.type === 'str' && looksLikeEnc(leaf.text) && encProblemAt(leaf.text, leaf.isComment) === undefined;
}

/** The spans of a text with no SourceFile at hand (tests); the engine asks SourceFile.ciphertextSpans(). */
export function ciphertextSpans(content: string, path: string): readonly Span[] {
  return spansOf(sopsVerdict(path, content));
}

export function spansOf(verdict: SopsVerdict): readonly Span[] {
  if (verdict.kind !== 'sops' && verdict.kind !== 'invalid') return [];
  const spans: Span[] = [...verdict.review.trusted];
  if (verdict.kind === 'sops') {
    for (const leaf of verdict.model.leaves) if (isTrustedCiphertext(leaf)) spans.push([leaf.start, leaf.end]);
  }
  return mergeSpans(spans);
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}
