/**
 * The shared vocabulary of secrets-guard: what a rule sees, what it reports, and what the engine returns.
 * Nothing here touches git or the file system; the engine fills these objects in and rules only read them.
 */

export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';

/** Where a source's bytes came from: the index (staged / all), a commit (range), or the disk (paths). */
export type SourceOrigin = 'index' | 'commit' | 'disk';

/** One file handed to the rules. `path` is repository-relative with `/` separators. */
export interface SourceFile {
  readonly path: string;
  /**
   * Decoded text (UTF-8, or UTF-16/32 by BOM or layout), whose offsets are the rules' offsets. Binary and
   * oversized files never reach text rules.
   */
  readonly content: string;
  readonly origin: SourceOrigin;
  /** The commit the content was read from, in range mode. */
  readonly commit?: string;
  /** Set for the files only path-only rules see: why `content` is empty (binary bytes, or over the size cap). */
  readonly skipped?: 'binary' | 'too-large';
  /** For a binary file: its first bytes (up to BINARY_HEAD_BYTES), for rules with `readsBinaryHead`. */
  readonly head?: Uint8Array;
}

/** What a rule knows about the rest of the change: which paths exist, and the sops configuration. */
export interface ProjectView {
  /**
   * True when the path is tracked, staged, or among the files being checked. A staged check lists only what rules
   * ask about (the checked files' siblings, the configs), so ask about siblings, not about arbitrary paths.
   */
  hasPath(path: string): boolean;
  /**
   * The text of another file of the same source (the index, the commit's tree, the disk), read only when asked:
   * undefined when it is not there, binary or over the size cap. Ask about siblings (see hasPath). The engine
   * always provides it; a view without it (a test's) reads nothing.
   */
  readSibling?(path: string): Promise<string | undefined>;
  /** The `.sops.yaml` that governs a path, with the creation rule that matches it, if any. */
  sopsRuleFor(path: string): GoverningSopsRule | undefined;
  /**
   * age identities (`AGE-SECRET-KEY-1...`) the engine found where sops looks for them, for MAC verification.
   * Empty when none is at hand. Rules use them in memory only. Asking may run SOPS_AGE_KEY_CMD (once per run) and
   * fails with a ConfigError when a source is malformed: ask only for a file that needs them.
   */
  ageIdentities(): Promise<readonly string[]>;
  /** Lets a rule tell the summary that a sops file was verified, or could not be (no matching identity). */
  recordVerification(path: string, outcome: 'verified' | 'unverifiable'): void;
}

/** The creation rule of a `.sops.yaml` that covers a file (first match wins, as in sops). */
export interface GoverningSopsRule {
  /** Repository-relative path of the `.sops.yaml` that governs the file. */
  readonly configPath: string;
  /** Index of the matching rule in `creation_rules`. */
  readonly ruleIndex: number;
  /** The rule as written in the config (already validated for shape). */
  readonly rule: Readonly<Record<string, unknown>>;
  /**
   * Set when no one can tell whether a rule covers the file: the governing config does not load in sops, or sops'
   * matching loop reached a `path_regex` that does not compile before any rule matched. sops itself refuses to
   * encrypt the file then; the guard reports it instead of treating the file as uncovered.
   */
  readonly undecidable?: string;
  /**
   * Set when the rule names no paths (no `path_regex`, or a catch-all such as `.*`: src/sops/config/catch-all.ts):
   * it says which keys sops uses, not that the file must be encrypted. A path rule after it that names the file is
   * never reached by sops and changes nothing (sops-config warns that it can never match).
   */
  readonly catchAll?: true;
}

/** What a rule passes to `report`. Positions are 0-based offsets into `content`; the engine turns them into lines. */
export interface ReportDescriptor {
  /** One line; repository text in it (keys, recipients, patterns) is built with `quote` (src/util/quote.ts). */
  readonly message: string;
  /** Start offset of the offending text. Absent: the finding is about the whole file (line 1, column 1). */
  readonly index?: number;
  /** End offset (exclusive). Defaults to `index`. */
  readonly endIndex?: number;
  /** Explicit 1-based position, for rules that know lines but not offsets. Overrides `index`. */
  readonly line?: number;
  readonly column?: number;
  /**
   * The secret this finding is about. The engine never keeps it: it derives a salted fingerprint for baselines from
   * it, and masks it where a message still carries it (src/util/quote.ts `withoutSecret`). Messages never repeat it:
   * any repository text a message shows goes through `quote` (src/util/quote.ts).
   */
  readonly secret?: string;
  /**
   * For adapter rules that front a family of checks (secretlint): the finding's rule id becomes
   * `<rule id>/<subRuleId>`, e.g. `secretlint/github`.
   */
  readonly subRuleId?: string;
  /** Set when a rule reports at a severity different from its configured one (e.g. a warning-level sub-check). */
  readonly severity?: Severity;
  /**
   * The finding is a verdict on the whole file (a plaintext .env, a MAC that does not verify), though it points at
   * a line as an example: an allow comment on that line must not silence it. Implied when neither `index` nor
   * `line` is given.
   */
  readonly wholeFile?: boolean;
}

export interface RuleContext<Options> {
  readonly options: Options;
  readonly project: ProjectView;
  report(descriptor: ReportDescriptor): void;
}

export interface RuleMeta {
  /** Stable kebab-case id: config, suppressions, SARIF and baselines all key on it. */
  readonly id: string;
  /** One line, shown by `--list-rules` and SARIF `shortDescription`. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  /**
   * `true` for rules whose findings are never about ciphertext (secret detectors): the engine drops their findings
   * that fall inside sops ciphertext (well-formed values of a valid sops file, wrapped data keys and recipients),
   * and those whose secret is a placeholder (src/util/placeholders.ts).
   */
  readonly skipsCiphertext?: boolean;
  /**
   * `true` for rules that judge a file by its path alone (Terraform state): they also run on binary and oversized
   * files, which text rules never see, and get empty content.
   */
  readonly pathOnly?: boolean;
  /**
   * `true` for rules that also look at binary files by their first bytes (key stores, binary keyrings): they get
   * empty content and `head`.
   */
  readonly readsBinaryHead?: boolean;
  /**
   * `true` for generic detectors (entropy) whose findings add nothing where a specific rule already reported on
   * the same line: the engine drops them there, so one token is reported once, by the rule that knows what it is.
   */
  readonly fallback?: boolean;
  /**
   * Ids of rules whose error in the same file already says what this rule's findings would (a key file that a
   * creation rule covers: `private-key` names the key): the engine drops this rule's findings there.
   */
  readonly redundantWith?: readonly string[];
}

export interface Rule<Options = undefined> {
  readonly meta: RuleMeta;
  readonly defaultOptions: Options;
  /**
   * Validates user options from `.secrets-guard.yaml` and returns them merged over the defaults. Throws a
   * ConfigError naming `keyPath` on a bad value.
   */
  parseOptions?(raw: unknown, keyPath: string): Options;
  /** Cheap path filter so the engine skips files a rule can never report on. Default: every text file. */
  appliesTo?(path: string, options: Options): boolean;
  check(source: SourceFile, context: RuleContext<Options>): void | Promise<void>;
}

/** A finding as the engine returns it: positioned, with its severity, and the secret already masked. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly message: string;
  /** Salted hash of the secret, when the rule named one; used by baselines, never reversible to the secret. */
  readonly fingerprint?: string;
  /** The commit the finding was read from, in range mode. */
  readonly commit?: string;
}

/** A file the engine looked at but could not give to the rules, and why (binary, too large). */
export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
  /** What the summary lines count it as. */
  readonly kind: 'binary' | 'too-large';
}

export interface ScanSummary {
  readonly filesScanned: number;
  readonly filesSkipped: number;
  readonly errors: number;
  readonly warnings: number;
  /** Free-form figures a rule family adds (e.g. sops verification counts). */
  readonly notes: readonly string[];
  /**
   * Configuration files (`.secrets-guard.yaml`, baseline, `.secretlintrc*`, `.sops.yaml`, at any depth) that the
   * commits of a range or push changed or deleted; absent when none did, and outside range and push modes.
   */
  readonly configChanges?: ReadonlyArray<{ readonly path: string; readonly commit: string; readonly change: 'changed' | 'deleted' }>;
}

export interface ScanResult {
  readonly findings: readonly Finding[];
  readonly skipped: readonly SkippedFile[];
  readonly summary: ScanSummary;
}
