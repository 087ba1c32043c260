/** What the credential detectors share: which files they read, and how they word a finding. */
import { isGeneratedOrMinified } from '../entropy/filters.js';
import type { RuleContext, SourceFile } from '../types.js';

/** The file holds one of the detector's keywords, and is not generated or minified. */
export function worthReading(detector: string, source: SourceFile): boolean {
  return source.keywordOwners().has(detector) && !isGeneratedOrMinified(source.path, source.content);
}

/** `what` names the credential and where it was found (`Password in a redis:// URL`); the secret is masked. */
export function reportCredential(context: RuleContext<unknown>, what: string, index: number, secret: string): void {
  context.report({
    message: `${what} in plaintext: rotate it, and read it from a sops-encrypted file or the environment instead`,
    index,
    endIndex: index + secret.length,
    secret,
  });
}
