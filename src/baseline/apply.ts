/**
 * Baseline operations on findings, all pure. A finding's key is its secret's fingerprint when the rule named a
 * secret (the same secret in the same file under the same rule is one entry, wherever and however often it
 * appears). A finding without a secret (a whole-file finding such as terraform-state) is keyed by
 * `msg:` + SHA-256 of its rule id and message: messages are masked and line-free, so the key survives edits
 * elsewhere in the file and changes when the rule's complaint changes. Commits (range mode) are not part of the
 * key: a secret accepted once is accepted in every commit that carries it.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../types.js';
import { BASELINE_VERSION, entryKey, sortEntries, type Baseline, type BaselineEntry } from './format.js';

export function findingFingerprint(finding: Finding): string {
  if (finding.fingerprint) return finding.fingerprint;
  return `msg:${createHash('sha256').update(finding.ruleId).update('\0').update(finding.message).digest('hex')}`;
}

function baselineEntryOf(finding: Finding): BaselineEntry {
  return { ruleId: finding.ruleId, path: finding.path, fingerprint: findingFingerprint(finding) };
}

/** `findings` must have been fingerprinted with `salt` (lint's `salt` option). */
export function createBaseline(findings: readonly Finding[], salt: string): Baseline {
  return { version: BASELINE_VERSION, salt, entries: sortEntries(findings.map(baselineEntryOf)) };
}

export interface BaselineOutcome {
  readonly kept: Finding[];
  /** Findings the baseline silenced. */
  readonly suppressed: number;
  /** Entries no finding matched: the secret was removed (or the file renamed); `baseline --prune` drops them. */
  readonly stale: BaselineEntry[];
}

export function applyBaseline(findings: readonly Finding[], baseline: Baseline): BaselineOutcome {
  const entries = new Map(baseline.entries.map((e) => [entryKey(e), e]));
  const matched = new Set<string>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const key = entryKey(baselineEntryOf(finding));
    if (entries.has(key)) matched.add(key);
    else kept.push(finding);
  }
  const stale = [...entries].filter(([key]) => !matched.has(key)).map(([, e]) => e);
  return { kept, suppressed: findings.length - kept.length, stale };
}

export function pruneBaseline(baseline: Baseline, stale: readonly BaselineEntry[]): Baseline {
  const drop = new Set(stale.map(entryKey));
  return { ...baseline, entries: sortEntries(baseline.entries.filter((e) => !drop.has(entryKey(e)))) };
}

/** `baseline` run on a repository that already has one: keep its salt and entries, add today's findings. */
export function mergeIntoBaseline(baseline: Baseline, findings: readonly Finding[]): Baseline {
  return { ...baseline, entries: sortEntries([...baseline.entries, ...findings.map(baselineEntryOf)]) };
}
