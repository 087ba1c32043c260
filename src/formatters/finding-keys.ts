/**
 * A key per finding that stays the same while the finding is not fixed, for the reports that track findings
 * across runs (SARIF partialFingerprints, GitLab vulnerability ids): its rule, its file and its message (masked,
 * and free of line numbers, so edits elsewhere in the file do not move it), plus its rank among identical ones in
 * the same commit. Never the secret, nor even its salted fingerprint: that salt is random per run unless a
 * baseline fixes it.
 */
import type { Finding } from '../types.js';
import { nodeCrypto } from '../util/builtin.js';

/** `<sha256 hex>:<rank>`, one per finding, in order. */
export function findingKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const hash = nodeCrypto().createHash('sha256').update(`${f.ruleId}\0${f.path}\0${f.message}`).digest('hex');
    const key = `${hash}\0${f.commit ?? ''}`;
    const rank = (seen.get(key) ?? 0) + 1;
    seen.set(key, rank);
    return `${hash}:${rank}`;
  });
}
