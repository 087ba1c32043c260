/** Names secretlint looks for, in its order (JavaScript configs are not supported: they would run code). */
export const SECRETLINT_RC_FILES = ['.secretlintrc', '.secretlintrc.json', '.secretlintrc.yaml', '.secretlintrc.yml'] as const;
