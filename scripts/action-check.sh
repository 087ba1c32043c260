#!/usr/bin/env bash
# The check step of action.yml: `secrets-guard check --range BASE..HEAD` with annotations on the diff
# (--format github) and, when asked, a SARIF report. BASE and HEAD come from the inputs, else from the event: a
# pull request's base and head, a push's previous and new commit. A push that creates a branch has no previous
# commit: every tracked file is checked (--all). Exit code: the guard's (0 clean, 1 findings, 2 error).
set -euo pipefail

guard=(node "$GITHUB_ACTION_PATH/bin/secrets-guard.js" check)
read -r -a extra <<< "${INPUT_ARGS:-}"

base="${INPUT_BASE:-${EVENT_PR_BASE:-}}"
head="${INPUT_HEAD:-${EVENT_PR_HEAD:-${GITHUB_SHA:-HEAD}}}"
if [ -z "$base" ] && [ -n "${EVENT_BEFORE:-}" ] && [ -z "${EVENT_BEFORE//0/}" ]; then
  base=''
elif [ -z "$base" ]; then
  base="${EVENT_BEFORE:-}"
fi
if [ -n "$base" ]; then
  scope=(--range "$base..$head")
else
  echo "secrets-guard: no base commit (a new branch, or an event without one): checking every tracked file"
  scope=(--all)
fi

status=0
if [ -n "${INPUT_SARIF_FILE:-}" ]; then
  "${guard[@]}" "${scope[@]}" "${extra[@]}" --format sarif --output "$INPUT_SARIF_FILE" || status=$?
  # Not a finding: the annotations run below would fail the same way, with its message.
  [ "$status" -lt 2 ] || status=0
fi
result=0
"${guard[@]}" "${scope[@]}" "${extra[@]}" --format github || result=$?
[ "$result" -ge "$status" ] || result=$status
echo "exit-code=$result" >> "${GITHUB_OUTPUT:-/dev/null}"
exit "$result"
