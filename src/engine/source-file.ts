/**
 * One file as every rule sees it (types.ts SourceFile): its text, and views made on first use and kept with the file,
 * as ESLint's SourceCode keeps its AST: lines, the sops parse and verdict, the ciphertext spans, the verification.
 * Every sops rule, the ciphertext filter and the verification read the same parse, so a sops file is parsed once per
 * scan however its files interleave; nothing is kept past the file (no module-level cache holds per-file data).
 * The sops parsers load only when a view first needs them: most commits have no sops file.
 */
import type { SopsConfigParses } from '../sops/config/parse.js';
import type { AgeIdentitySource, SourceVerification } from '../sops/crypto/verify-source.js';
import type { SopsVerdict } from '../sops/sops-file.js';
import type { SourceFile, SourceText } from '../types.js';
import { buildLineIndex, type LineIndex } from '../util/positions.js';
import { keywordOwnersIn } from './keyword-owners.js';

/** What the summary counts for a file (sops MAC verified, or not verifiable), when a rule asked for it. */
type VerificationNote = 'verified' | 'unverifiable';

export interface EngineSourceFile extends SourceFile {
  /** The verification's outcome for the summary; undefined when no rule asked for it. Call after the rules ran. */
  verificationNote(): Promise<VerificationNote | undefined>;
}

const PLAIN: SopsVerdict = { kind: 'plain' };
const NOT_SOPS: SourceVerification = { kind: 'not-sops' };

/**
 * `keys` gives the run's age identities (RunContext), asked only when a file with an age recipient is verified;
 * `configParses` are the run's `.sops.yaml` parses, shared with its creation-rule lookup.
 */
export function createSourceFile(text: SourceText, keys: AgeIdentitySource, configParses?: SopsConfigParses): EngineSourceFile {
  return new EngineSource(text, keys, configParses);
}

/**
 * A class, not an object of closures: a whole-repository scan makes one per file, and ten closures and a spread of
 * the text per file were a few percent of the main thread.
 */
class EngineSource implements EngineSourceFile {
  readonly path: string;
  readonly content: string;
  readonly origin: SourceText['origin'];
  readonly commit?: string;
  readonly skipped?: NonNullable<SourceText['skipped']>;
  readonly head?: Uint8Array;
  readonly #text: SourceText;
  readonly #keys: AgeIdentitySource;
  readonly #configParses: SopsConfigParses | undefined;
  #lines: LineIndex | undefined;
  #keywordOwners: ReadonlySet<string> | undefined;
  #sops: ReturnType<SourceFile['sops']> | undefined;
  #sopsVerdict: Promise<SopsVerdict> | undefined;
  #ciphertextSpans: ReturnType<SourceFile['ciphertextSpans']> | undefined;
  #sopsConfig: ReturnType<SourceFile['sopsConfig']> | undefined;
  #verification: Promise<SourceVerification> | undefined;
  #derived: Map<(text: SourceText) => unknown, unknown> | undefined;

  constructor(text: SourceText, keys: AgeIdentitySource, configParses: SopsConfigParses | undefined) {
    this.path = text.path;
    this.content = text.content;
    this.origin = text.origin;
    if (text.commit !== undefined) this.commit = text.commit;
    if (text.skipped !== undefined) this.skipped = text.skipped;
    if (text.head !== undefined) this.head = text.head;
    this.#text = text;
    this.#keys = keys;
    this.#configParses = configParses;
  }

  lines(): LineIndex {
    return (this.#lines ??= buildLineIndex(this.content));
  }

  keywordOwners(): ReadonlySet<string> {
    return (this.#keywordOwners ??= keywordOwnersIn(this.content));
  }

  sops(): ReturnType<SourceFile['sops']> {
    return (this.#sops ??= import('../sops/stores/index.js').then(({ parseSopsFile }) => parseSopsFile(this.path, this.content)));
  }

  /** A file that never mentions sops is plain without a parse, and without loading the parsers. */
  sopsVerdict(): Promise<SopsVerdict> {
    return (this.#sopsVerdict ??= this.content.includes('sops')
      ? Promise.all([import('../sops/sops-file.js'), this.sops()]).then(([{ verdictOf }, model]) => verdictOf(model))
      : Promise.resolve(PLAIN));
  }

  ciphertextSpans(): ReturnType<SourceFile['ciphertextSpans']> {
    return (this.#ciphertextSpans ??= this.sopsVerdict().then(async (verdict) =>
      verdict.kind === 'sops' || verdict.kind === 'invalid' ? (await import('../sops/ciphertext-spans.js')).spansOf(verdict) : [],
    ));
  }

  derived<T>(compute: (text: SourceText) => T): T {
    const values = (this.#derived ??= new Map());
    if (!values.has(compute)) values.set(compute, compute(this.#text));
    return values.get(compute) as T;
  }

  sopsConfig(): ReturnType<SourceFile['sopsConfig']> {
    return (this.#sopsConfig ??= import('../sops/config/parse.js').then(({ parseSopsConfigIn }) =>
      parseSopsConfigIn(this.#configParses, this.content, this.path),
    ));
  }

  verification(): Promise<SourceVerification> {
    return (this.#verification ??= this.sopsVerdict().then(async (verdict) =>
      verdict.kind === 'sops' ? (await import('../sops/crypto/verify-source.js')).verifyModel(verdict.model, this.#keys) : NOT_SOPS,
    ));
  }

  async verificationNote(): Promise<VerificationNote | undefined> {
    if (!this.#verification) return undefined;
    const outcome = await this.#verification;
    return outcome.kind === 'checked' ? 'verified' : outcome.kind === 'unverifiable' ? 'unverifiable' : undefined;
  }
}

/** A SourceFile as given, or one made around a plain text (rule tests hand rules plain objects). */
export function asSourceFile(source: SourceText | SourceFile, keys: AgeIdentitySource): SourceFile {
  return 'sopsVerdict' in source ? source : createSourceFile(source, keys);
}
