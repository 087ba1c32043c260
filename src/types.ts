/**
 * The shared vocabulary of secrets-guard: what a rule sees, what it reports, and what the engine returns.
 * Nothing here touches git or the file system; the engine fills these objects in and rules only read them.
 */
import type { LocatedSopsConfig } from './sops/config/parse.js';
import type { SourceVerification } from './sops/crypto/verify-source.js';
import type { SopsFileModel, SopsParseFailure } from './sops/model.js';
import type { SopsVerdict } from './sops/sops-file.js';
import type { OptionsSchema } from './util/options-schema.js';
import type { LineIndex } from './util/positions.js';

export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';

/** Where a source's bytes came from: the index (staged / all), a commit (range), or the disk (paths). */
type SourceOrigin = 'index' | 'commit' | 'disk';

/** One file's text as the engine read it. `path` is repository-relative with `/` separators. */
export interface SourceText {
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

/**
 * One file handed to the rules: its text, and views every rule shares, each computed on first use and kept with the
 * file (as ESLint's SourceCode): the sops parsers run once per file however many rules ask (src/engine/source-file.ts).
 */
export interface SourceFile extends SourceText {
  /** Offsets to lines and columns. */
  lines(): LineIndex;
  /** The file parsed in the sops store its name (or its metadata) gives, or why it does not parse. */
  sops(): Promise<SopsFileModel | SopsParseFailure>;
  /** Whether this is a sops file (src/sops/sops-file.ts); files that never mention sops are not parsed. */
  sopsVerdict(): Promise<SopsVerdict>;
  /** Where sops ciphertext lies (src/sops/ciphertext-spans.ts), as [start, end) offsets. */
  ciphertextSpans(): Promise<ReadonlyArray<readonly [number, number]>>;
  /**
   * The MAC and value verification with the run's age identities (src/sops/crypto/verify-source.ts); `not-sops`
   * for other files. Asking may run SOPS_AGE_KEY_CMD (once per run). The engine reports what it found in the summary.
   */
  verification(): Promise<SourceVerification>;
  /**
   * A value computed from the text once per file, for every rule that asks with the same function (a module-level
   * one: the function is the key).
   */
  derived<T>(compute: (text: SourceText) => T): T;
  /** The keyword owners (RuleMeta.keywords of every rule) with a keyword in the file: one pass, shared by all rules. */
  keywordOwners(): ReadonlySet<string>;
  /** The file read as a `.sops.yaml`, the same parse the run's creation-rule lookup made of it (if it did). */
  sopsConfig(): Promise<LocatedSopsConfig>;
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
   * Empty when none is at hand. Rules use them in memory only, through SourceFile.verification(). Asking may run
   * SOPS_AGE_KEY_CMD (once per run) and fails with a ConfigError when a source is malformed.
   */
  ageIdentities(): Promise<readonly string[]>;
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
  /**
   * Command-line flags that turn one of the rule's boolean options on for a run, over the configuration's value
   * (`--require-verification` for sops-mac-mismatch). The CLI builds its flags from these: no rule id is written
   * outside rules/.
   */
  readonly flags?: readonly RuleFlag[];
  /** The options `.secrets-guard.yaml` may set (src/util/options-schema.ts); absent: the rule takes none. */
  readonly options?: OptionsSchema;
  /**
   * Keywords by owner (a detector of the rule, e.g. `token-formats/<format>` or `secretlint:<preset rule>`): the
   * owner's finder runs only in a file holding one of them (`SourceFile.keywordOwners()`, one pass for every rule).
   * Each rule's module says why its lists are complete.
   */
  readonly keywords?: Readonly<Record<string, readonly string[]>>;
  /**
   * Support files the rule reads (secretlint's `.secretlintrc` names), in order of preference: the engine reads the
   * first one present from the scan's own source (index, commit, disk) and hands it to `optionsFrom`.
   */
  readonly reads?: readonly string[];
  /** The rule's documentation page, relative to the repository root (`docs/rules/<id>.md`). */
  readonly docs: string;
  /** How code scanning (SARIF) and GitLab present the rule (src/formatters/rule-presentation.ts). */
  readonly presentation?: RulePresentationMeta;
}

/** A flag of the scanning commands (`check`, `pre-receive`, `baseline`) that sets a rule option to true. */
interface RuleFlag {
  /** The long flag without its dashes, e.g. `require-verification`. */
  readonly name: string;
  /** The boolean option it sets (a key of the rule's `defaultOptions`). */
  readonly option: string;
  /** One line for `--help`. */
  readonly description: string;
}

export interface RulePresentationMeta {
  /** Why a finding matters, one sentence (from the rule's page). */
  readonly why: string;
  /** GitHub's scale: 9.0+ critical, 7.0+ high, 4.0+ medium. */
  readonly securitySeverity: string;
  readonly precision: 'very-high' | 'high' | 'medium' | 'low';
  readonly tags: readonly string[];
}

/** A support file a rule reads (RuleMeta.reads), as found in the scan's source. */
export interface SupportFile {
  readonly name: string;
  readonly text: string;
}

/** What a rule may do with a support file read from repository content. */
export interface SupportFileTrust {
  /**
   * Whether the packages the file names may be loaded (installed ones, never a path): yes for the work tree and the
   * index, no for content read from commits (a pull request, a push) unless the caller allows it.
   */
  readonly loadsModules: boolean;
  /** The repository root (packages resolve from there when they may be loaded). */
  readonly root: string;
  /** Adds a note to the report (what of the file was not honoured, and how to change that). */
  note(text: string): void;
}

export interface Rule<Options = undefined> {
  readonly meta: RuleMeta;
  /** The options when the config sets none; what it sets is validated against `meta.options` and merged over these. */
  readonly defaultOptions: Options;
  /**
   * Options from the support file the rule reads (`meta.reads`), made once per plan on the main thread before any
   * file is scanned, merged over the configured ones. Plain data: they travel to worker threads. A broken file is a
   * ConfigError.
   */
  optionsFrom?(file: SupportFile, trust: SupportFileTrust): Promise<Partial<Options>>;
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

interface ScanSummary {
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
