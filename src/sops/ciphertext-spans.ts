/**
 * Where a file holds sops ciphertext and metadata, so that the engine can drop findings of secret detectors there
 * (base64 ciphertext and armored age/PGP keys look like secrets but are not). Cheap on ordinary files: nothing is
 * parsed unless the text carries an ENC value or sops metadata (src/sops/marker.ts).
 */
import { looksSopsEncrypted } from './marker.js';
import { isParseFailure, parseSopsFile } from './stores/index.js';

const ENC_VALUE = /ENC\[AES256_GCM,[^\]\s]*\]/g;

export type Span = readonly [number, number];

export function ciphertextSpans(content: string, path: string): readonly Span[] {
  const hasEnc = content.includes('ENC[AES256_GCM');
  if (!hasEnc && !content.includes('sops')) return [];
  const spans: Span[] = hasEnc ? [...content.matchAll(ENC_VALUE)].map((m) => [m.index, m.index + m[0].length] as const) : [];
  if (looksSopsEncrypted(content)) {
    const model = parseSopsFile(path, content);
    if (!isParseFailure(model) && model.metadata) spans.push(...model.metadata.spans);
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
