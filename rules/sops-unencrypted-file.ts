/**
 * sops-unencrypted-file: a `.sops.yaml` creation rule covers the file (first match, as sops decides), so
 * `sops encrypt` would encrypt it, but it carries no sops metadata in its store's form (docs/sops-format.md §2, §10.2):
 * it is committed in plaintext. A covered file that does not even parse in its store is reported with the line.
 */
import { isSopsConfigFile } from '../src/sops/config/discovery.js';
import type { Rule } from '../src/types.js';


export const rule: Rule<undefined> = {
  meta: {
    id: 'sops-unencrypted-file',
    description: 'A file covered by a .sops.yaml creation rule is not sops-encrypted',
    defaultSeverity: 'error',
    // A covered file must be checked even when it is binary or huge: sops output is always text, so binary bytes
    // under a creation rule are plaintext by definition.
    pathOnly: true,
  },
  defaultOptions: undefined,
  appliesTo: (path) => !isSopsConfigFile(path),
  async check(source, context) {
    const governing = context.project.sopsRuleFor(source.path);
    if (!governing) return;
    const where = `creation_rules[${governing.ruleIndex}] of ${governing.configPath}`;
    if (governing.undecidable) {
      context.report({ message: `cannot tell whether a creation rule covers this file: ${governing.undecidable}; fix ${governing.configPath}` });
      return;
    }
    if (source.skipped === 'binary') {
      context.report({ message: `covered by ${where} but holds binary bytes: sops output is always text, so this file is not encrypted; run \`sops encrypt -i ${source.path}\`` });
      return;
    }
    if (source.skipped === 'too-large') {
      context.report({ message: `covered by ${where} but larger than the size cap, so whether it is encrypted was not checked: raise maxFileSize in .secrets-guard.yaml` });
      return;
    }
    // The store parsers (YAML) load only for files a creation rule covers.
    const { isParseFailure, parseSopsFile } = await import('../src/sops/stores/index.js');
    const model = parseSopsFile(source.path, source.content);
    if (isParseFailure(model)) {
      context.report({
        message: `covered by ${where} but does not parse as ${model.store} (${model.error}): sops can neither encrypt nor decrypt it`,
        ...(model.line ? { line: model.line } : {}),
        wholeFile: true, // the line only shows where parsing stopped: the file as a whole is not sops output
      });
      return;
    }
    if (model.metadata) return;
    context.report({
      message: `covered by ${where} but has no sops metadata (${model.store} store): it is plaintext; run \`sops encrypt -i ${source.path}\``,
    });
  },
};
