/**
 * sops-unencrypted-file: a `.sops.yaml` creation rule covers the file (first match, as sops decides), so
 * `sops encrypt` would encrypt it, but it carries no sops metadata in its store's form (docs/sops-format.md §2, §10 item 2):
 * it is committed in plaintext, and sops would encrypt at least one of its values (src/sops/would-encrypt.ts: a
 * rule whose `encrypted_regex` selects no key of the file asserts nothing about it). A covered file that does not
 * even parse in its store is reported with the line. Only rules that name paths assert coverage: a catch-all rule
 * (no `path_regex`, or `.*`) says which keys sops uses, so a plain file under it passes, unless the team asks for
 * the strict reading (`catchAllRequiresEncryption`). A path rule after the catch-all is never reached by sops and
 * asserts nothing either (sops-config warns that it can never match). A file under a catch-all that is a sops file
 * is still checked in full (by the other sops rules; here, that it parses).
 */
import { isSopsConfigFile } from '../src/sops/config/discovery.js';
import { isSopsFile } from '../src/sops/is-sops-file.js';
import { keyPathOf } from '../src/sops/key-path.js';
import type { GoverningSopsRule, Rule, RuleContext, SourceFile } from '../src/types.js';

export interface SopsUnencryptedFileOptions {
  /** Read a catch-all creation rule as "every file it matches must be encrypted". Default: false. */
  readonly catchAllRequiresEncryption: boolean;
}

/** Which rule says the file must be encrypted, in the words of the messages; undefined when none does. */
function assertingRule(governing: GoverningSopsRule, strict: boolean): string | undefined {
  if (governing.catchAll && !strict) return undefined;
  return `creation_rules[${governing.ruleIndex}] of ${governing.configPath}`;
}

export const rule: Rule<SopsUnencryptedFileOptions> = {
  meta: {
    id: 'sops-unencrypted-file',
    description: 'A file covered by a .sops.yaml creation rule is not sops-encrypted',
    defaultSeverity: 'error',
    docs: 'docs/rules/sops-unencrypted-file.md',
    presentation: {
      why: 'A creation rule says files at this path hold secrets, and this one is not encrypted.',
      securitySeverity: '8.5',
      precision: 'high',
      tags: ['security', 'secret', 'sops'],
    },
    // A covered file must be checked even when it is binary or huge: sops output is always text, so binary bytes
    // under a creation rule are plaintext by definition.
    pathOnly: true,
    options: { catchAllRequiresEncryption: { type: 'boolean' } },
    // A private key in plaintext is the one problem with the file: reported once, where the key is.
    redundantWith: ['private-key'],
  },
  defaultOptions: { catchAllRequiresEncryption: false },
  appliesTo: (path) => !isSopsConfigFile(path),
  check(source, context) {
    // Most files of a repository fall under no path rule: they return here, without a promise.
    const governing = context.project.sopsRuleFor(source.path);
    return governing ? checkCovered(source, context, governing) : undefined;
  },
};

async function checkCovered(source: SourceFile, context: RuleContext<SopsUnencryptedFileOptions>, governing: GoverningSopsRule): Promise<void> {
  if (governing.undecidable) {
    context.report({ message: `cannot tell whether a creation rule covers this file: ${governing.undecidable}; fix ${governing.configPath}` });
    return;
  }
  const where = assertingRule(governing, context.options.catchAllRequiresEncryption);
  // Under a catch-all only a sops file is checked: that it parses (the other sops rules check the rest).
  if (!where && !(await isSopsFile(source))) return;
  const covered = `covered by ${where ?? `the catch-all creation_rules[${governing.ruleIndex}] of ${governing.configPath}`}`;
  if (source.skipped === 'binary') {
    context.report({
      message: `${covered} but holds binary bytes: sops output is always text, so this file is not encrypted; run \`sops encrypt -i ${source.path}\``,
    });
    return;
  }
  if (source.skipped === 'too-large') {
    context.report({
      message: `${covered} but larger than the size cap, so whether it is encrypted was not checked: raise maxFileSize in .secrets-guard.yaml`,
    });
    return;
  }
  // The store parsers (YAML) load only for files a creation rule covers.
  const { isParseFailure, storeThatParses } = await import('../src/sops/stores/index.js');
  const model = await source.sops();
  if (isParseFailure(model)) {
    const actual = storeThatParses(source.content, model.store);
    context.report({
      message: actual
        ? `${covered} but holds ${actual} without sops metadata under a name sops reads as ${model.store}: it is plaintext; run \`sops encrypt --input-type ${actual} --output-type ${actual} -i ${source.path}\``
        : `${covered} but does not parse as ${model.store} (${model.error}): sops can neither encrypt nor decrypt it`,
      ...(model.line && !actual ? { line: model.line } : {}),
      wholeFile: true, // the line only shows where parsing stopped: the file as a whole is not sops output
    });
    return;
  }
  if (model.metadata || !where) return;
  const { valuesSopsWouldEncrypt } = await import('../src/sops/would-encrypt.js');
  const { values, unselected } = valuesSopsWouldEncrypt(model, governing.rule);
  const first = values[0];
  if (!first) return;
  const which = `${values.length} value(s) (the first: ${first.isComment ? 'a comment' : keyPathOf(first)})`;
  context.report({
    message: unselected
      ? `${covered} but has no sops metadata (${model.store} store): it is plaintext, and the rule's selection setting matches none of its ${which}, so \`sops encrypt\` would leave them readable too: give this file a rule of its own`
      : `${covered} but has no sops metadata (${model.store} store): it is plaintext, and sops would encrypt ${which}; run \`sops encrypt -i ${source.path}\``,
  });
}
