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
import { buildLineIndex } from '../util/positions.js';
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
  const { path, content } = text;
  const lines = once(() => buildLineIndex(content));
  const sops = once(async () => (await import('../sops/stores/index.js')).parseSopsFile(path, content));
  // A file that never mentions sops is plain without a parse, and without loading the parsers.
  const sopsVerdict = once(async (): Promise<SopsVerdict> =>
    content.includes('sops') ? (await import('../sops/sops-file.js')).verdictOf(await sops()) : PLAIN,
  );
  const ciphertextSpans = once(async () => {
    const verdict = await sopsVerdict();
    if (verdict.kind !== 'sops' && verdict.kind !== 'invalid') return [];
    return (await import('../sops/ciphertext-spans.js')).spansOf(verdict);
  });
  const derivedValues = new Map<(text: SourceText) => unknown, unknown>();
  const derived = <T>(compute: (text: SourceText) => T): T => {
    if (!derivedValues.has(compute)) derivedValues.set(compute, compute(text));
    return derivedValues.get(compute) as T;
  };
  const keywordOwners = once(() => keywordOwnersIn(content));
  const sopsConfig = once(async () => (await import('../sops/config/parse.js')).parseSopsConfigIn(configParses, content, path));
  let verificationAsked = false;
  const verification = once(async (): Promise<SourceVerification> => {
    verificationAsked = true;
    const verdict = await sopsVerdict();
    if (verdict.kind !== 'sops') return NOT_SOPS;
    return (await import('../sops/crypto/verify-source.js')).verifyModel(verdict.model, keys);
  });
  return {
    ...text,
    lines,
    sops,
    sopsVerdict,
    ciphertextSpans,
    verification,
    derived,
    keywordOwners,
    sopsConfig,
    async verificationNote() {
      if (!verificationAsked) return undefined;
      const outcome = await verification();
      return outcome.kind === 'checked' ? 'verified' : outcome.kind === 'unverifiable' ? 'unverifiable' : undefined;
    },
  };
}

/** A SourceFile as given, or one made around a plain text (rule tests hand rules plain objects). */
export function asSourceFile(source: SourceText | SourceFile, keys: AgeIdentitySource): SourceFile {
  return 'sopsVerdict' in source ? source : createSourceFile(source, keys);
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
