/** A problem found in a `.sops.yaml`, with its 1-based position. The `sops-config` rule reports these as they are. */
import type { Location } from './located.js';

/** The two severities of a finding (types.ts's Severity, written out here: types.ts names the parsed config). */
type Severity = 'error' | 'warning';

export interface ConfigDiagnostic {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly severity: Severity;
  /** sops cannot load the config at all (invalid YAML, a value of the wrong kind): every sops command fails. */
  readonly fatal?: boolean;
}

export function diagnostic(message: string, at: Location, severity: Severity = 'error'): ConfigDiagnostic {
  return { message, line: at.line, column: at.column, severity };
}

export function fatalDiagnostic(message: string, at: Location): ConfigDiagnostic {
  return { message, line: at.line, column: at.column, severity: 'error', fatal: true };
}

/** Drops repeats (a node reached through several aliases is checked once per path) and sorts by position. */
export function tidyDiagnostics(list: readonly ConfigDiagnostic[]): ConfigDiagnostic[] {
  const seen = new Set<string>();
  const unique = list.filter((d) => {
    const key = `${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => a.line - b.line || a.column - b.column);
}
