/**
 * Configuration a history scan saw change: `.secrets-guard.yaml`, the baseline, `.secretlintrc*` and `.sops.yaml`
 * files, at any depth, added, changed or deleted by a commit of the range or push. Each commit is judged under its
 * own configuration, so a reviewer must be told when the range itself moves what judges it.
 */
import { posix } from 'node:path';
import { BASELINE_FILE } from '../../baseline/format.js';
import { GUARD_CONFIG_FILE } from '../../config/guard-config.js';
import type { CommitChanges } from '../../git/history.js';
import { isSopsConfigFile } from '../../sops/config/discovery.js';
import { escapeControl } from '../../util/terminal-text.js';

export interface ConfigChange {
  readonly path: string;
  readonly commit: string;
  readonly change: 'changed' | 'deleted';
}

/** Shown in full up to this many; the JSON report's `summary.configChanges` always lists them all. */
const NOTE_LISTS = 5;

function isConfigPath(path: string): boolean {
  const name = posix.basename(path);
  return name === GUARD_CONFIG_FILE || name === BASELINE_FILE || name.startsWith('.secretlintrc') || isSopsConfigFile(path);
}

export function configChanges(changes: readonly CommitChanges[]): ConfigChange[] {
  return changes.flatMap(({ commit, entries, removed }) => [
    ...entries.filter((e) => isConfigPath(e.path)).map((e) => ({ path: e.path, commit, change: 'changed' as const })),
    ...removed.filter(isConfigPath).map((path) => ({ path, commit, change: 'deleted' as const })),
  ]);
}

export function configChangeNote(changes: readonly ConfigChange[]): string | undefined {
  if (changes.length === 0) return undefined;
  const listed = changes.slice(0, NOTE_LISTS).map((c) => `${escapeControl(c.path)} ${c.change} in ${c.commit.slice(0, 12)}`);
  const more = changes.length > NOTE_LISTS ? ` and ${changes.length - NOTE_LISTS} more` : '';
  return `configuration changed within the checked commits: ${listed.join(', ')}${more}; each commit was judged under its own configuration and the files still in the last commit under the last commit's`;
}
