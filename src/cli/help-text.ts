/** The words of `--help`: what the program and each command are for, with examples (options describe themselves). */

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  /** Examples and notes after the options. */
  readonly after: string;
}

export const PROGRAM = {
  name: 'secrets-guard',
  description: 'Stop plaintext secrets before they reach git, in repositories that use SOPS.',
  after: `
Examples:
  secrets-guard check                 check the staged files (what the next commit adds or changes)
  secrets-guard check --all           check every tracked file
  secrets-guard check --range A..B    check every commit of a range (CI on pull requests)
  secrets-guard init                  set up the pre-commit hook in this repository
  secrets-guard help check            the options of one command

Exit status:
  0  no error-severity findings
  1  error-severity findings
  2  usage, configuration or git error, or an internal error (the guard fails closed)
`,
} as const;

export const COMMANDS = {
  check: {
    name: 'check',
    summary: 'check the staged files (default), every tracked file (--all), the commits of a range (--range) or named files',
    after: `
Examples:
  secrets-guard check                          the staged files, as the next commit will hold them
  secrets-guard check --all --format sarif -o secrets-guard.sarif
  secrets-guard check --range origin/main..HEAD --format github
  secrets-guard check config/app.env           these files as they are on disk

Colour: --color or --no-color wins; otherwise FORCE_COLOR turns it on (0 or false: off), NO_COLOR
off, and the report is coloured only on a terminal. No progress line with --quiet, CI=true or TERM=dumb.
Exit status: 0 clean, 1 error findings, 2 usage, configuration or git error.
`,
  },
  'pre-receive': {
    name: 'pre-receive',
    summary: 'server-side hook: check the pushed commits ("<old> <new> <ref>" lines on stdin) and reject a push with findings',
    after: `
Install as hooks/pre-receive in the server's repository:
  #!/bin/sh
  exec secrets-guard pre-receive
`,
  },
  baseline: {
    name: 'baseline',
    summary: "accept the repository's current findings into .secrets-guard-baseline.json, so that check skips them",
    after: `
The baseline holds rule, path and a salted hash of each secret (never the secret, never a line
number). Review it and commit it: check reads it from the same place as the files it checks (the
index for staged files).
`,
  },
  init: {
    name: 'init',
    summary: "set up the pre-commit hook here (husky's .husky/pre-commit, or git's hooks directory)",
    after: `
Idempotent: a second run changes nothing. --dry-run prints the same steps and changes nothing.
`,
  },
} as const satisfies Record<string, CommandSpec>;
