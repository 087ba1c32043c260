/**
 * A scan plan is what the engine needs from a source of files, whatever it is (the index, a commit, the disk):
 * the files to check, a way to read each, and the other files a rule may ask about.
 */

export interface PlannedFile {
  /** Repository-relative, `/`-separated. */
  readonly path: string;
  readonly commit?: string | undefined;
  /** The file's bytes, or only its size when it is larger than `cap` (huge files are never loaded). */
  read(cap: number): Promise<{ readonly size: number; readonly bytes?: Buffer }>;
}

/** A file whose read already happened elsewhere (another thread, a read ahead): it hands over what was read. */
export function fileInHand(path: string, commit: string | undefined, size: number, bytes: Buffer | undefined): PlannedFile {
  const read = { size, ...(bytes ? { bytes } : {}) };
  return { path, ...(commit ? { commit } : {}), read: async () => read };
}

export interface ScanPlan {
  readonly origin: 'index' | 'commit' | 'disk';
  /** The commit whose tree this plan reads, in range and push modes. */
  readonly commit?: string;
  /** Absolute root the paths are relative to. */
  readonly root: string;
  readonly files: readonly PlannedFile[];
  /**
   * Files already checked under the configuration of the commit that brought them, judged again under another
   * commit's (a range's head): only findings the first look did not make count; the files, skips and sops
   * verifications were counted the first time.
   */
  readonly recheck?: boolean;
  /** Files of the whole scan this plan is one part of (every commit of a range), when there is more than one part. */
  readonly scanFiles?: number;
  /** Which commit of a range or push this plan is (1-based, of how many), for progress. */
  readonly part?: { readonly index: number; readonly of: number };
  /** Every path known to exist (tracked, staged, or named), for sibling checks. */
  readonly knownPaths: ReadonlySet<string>;
  /** Reads a repository file that is not necessarily being checked (configs); undefined when absent. */
  readSupportFile(path: string): Promise<Buffer | undefined>;
  /**
   * Reads a known file (a sibling a rule asks about) by its path; undefined when absent or larger than `cap`. A plan
   * without it reads no siblings (rules then decide without them, on the safe side).
   */
  readFile?(path: string, cap: number): Promise<Buffer | undefined>;
  /** Paths of every `.sops.yaml` / `.sops.yml` the source holds. */
  readonly sopsConfigPaths: readonly string[];
  /** Releases git processes. */
  close(): void;
}
