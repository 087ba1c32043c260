/**
 * secretlint: known token formats (AWS, GCP, GitHub, GitLab, Slack, Stripe, npm, OpenAI, Anthropic, database
 * URLs with passwords, ... — secretlint's recommended preset), run in-process on the file's text. Each finding is
 * reported as `secretlint/<rule>` (`secretlint/github`). A team's `.secretlintrc` (rules, options,
 * allowMessageIds) is read as a support file (`meta.reads`) and honoured; `secretlint-disable` comments work as in
 * secretlint. `.secrets-guard.yaml` sets no option (no `meta.options`): it is repository content and must not choose
 * which modules are loaded or from where; the engine's trust decides (SupportFileTrust).
 */
import { parseSecretlintRc, resolveSecretlintRc, withoutRepositoryModules, type SecretlintRc } from '../src/secretlint/config.js';
import { SECRETLINT_RC_FILES } from '../src/secretlint/rc-files.js';
import { presetKeywordOwners } from '../src/secretlint/preset-keywords.js';
import { secretlintMessages } from '../src/secretlint/lint.js';
import type { Rule, SupportFile, SupportFileTrust } from '../src/types.js';
import { quote } from '../src/util/quote.js';

export interface SecretlintOptions {
  /** The parsed `.secretlintrc`, if the repository has one. */
  readonly secretlintConfig?: SecretlintRc;
  /** Where a team's extra rule packages are installed (the repository root); absent: secrets-guard's own only. */
  readonly secretlintBaseDirectory?: string;
}

/** `@secretlint/secretlint-rule-github` → `github`; `@scope/secretlint-rule-x` → `@scope/x`. */
export function shortRuleName(secretlintRuleId: string): string {
  return secretlintRuleId.replace(/^@secretlint\/secretlint-rule-/, '').replace(/(^|\/)secretlint-rule-/, '$1');
}

/**
 * A team's `.secretlintrc` (rules, options, allowMessageIds), checked before any file is read, so a broken one is a
 * configuration error. Repository content never runs code: without `loadsModules` only the bundled preset's entry is
 * kept, and packages resolve from secrets-guard's own installation, not from the repository's node_modules.
 */
async function optionsFrom({ name, text }: SupportFile, trust: SupportFileTrust): Promise<SecretlintOptions> {
  const parsed = await parseSecretlintRc(text, name);
  if (trust.loadsModules) {
    await resolveSecretlintRc(parsed, name, trust.root);
    return { secretlintConfig: parsed, secretlintBaseDirectory: trust.root };
  }
  const { rc, dropped } = withoutRepositoryModules(parsed);
  if (dropped > 0)
    trust.note(
      `${name}: ${dropped} rule package(s) it names were not loaded (content read from commits loads no module it names; only the bundled preset ran): pass --allow-secretlintrc-modules to load installed ones`,
    );
  await resolveSecretlintRc(rc, name);
  return { secretlintConfig: rc };
}

export const rule: Rule<SecretlintOptions> = {
  meta: {
    id: 'secretlint',
    // The preset's rules, each run only in a file holding one of its keywords (src/secretlint/preset-keywords.ts).
    keywords: presetKeywordOwners(),
    description: "Known credential formats (secretlint's recommended preset, in-process)",
    defaultSeverity: 'error',
    skipsCiphertext: true,
    reads: SECRETLINT_RC_FILES,
    docs: 'docs/rules/secretlint.md',
    presentation: {
      why: 'A live credential in a documented token format can be used at once by whoever finds it.',
      securitySeverity: '9.0',
      precision: 'high',
      tags: ['security', 'secret', 'token'],
    },
  },
  defaultOptions: {},
  optionsFrom,
  async check(source, context) {
    const { secretlintConfig, secretlintBaseDirectory } = context.options;
    const setup = await resolveSecretlintRc(secretlintConfig, '.secretlintrc', secretlintBaseDirectory);
    const messages = await secretlintMessages({ path: source.path, content: source.content, present: source.keywordOwners(), setup });
    for (const m of messages) {
      const subRuleId = shortRuleName(m.ruleId);
      // The private-key rule owns key material (more formats, one finding per key); do not report it twice.
      if (subRuleId === 'privatekey') continue;
      const [start, end] = m.range;
      context.report({
        // secretlint masked its own message (maskSecrets) with one `*` per character; a long run says nothing more
        // than four. A rule's message is still another package's text: it is quoted like repository content.
        message: `${quote(m.message.replace(/\*{5,}/g, '****'))} [${quote(m.messageId)}]: rotate it and keep it in a sops-encrypted file`,
        index: start,
        endIndex: end,
        secret: source.content.slice(start, end),
        subRuleId,
        ...(m.severity === 'error' ? {} : { severity: 'warning' as const }),
      });
    }
  },
};
