# Sourced by the command-line error tests:
#   expect_error "what stderr must contain" ARG...
# runs "${cli[@]}" ARG... and counts a failure (in `failures`) unless the command exits non-zero
# with exactly one line on stderr containing the text. The caller sets `cli` (the command and
# its subcommand, e.g. ("$genlab" fit gmm)), `work` (a scratch folder) and failures=0.
expect_error() {
  local want="$1"
  shift
  if "${cli[@]}" "$@" >"$work/out" 2>"$work/err"; then
    echo "FAIL: exit 0 for: $*"
    failures=$((failures + 1))
  elif ! grep -qF -- "$want" "$work/err" || [ "$(wc -l <"$work/err")" -ne 1 ]; then
    echo "FAIL: for: $*"
    echo "  wanted one line containing: $want"
    echo "  got: $(cat "$work/err")"
    failures=$((failures + 1))
  else
    echo "ok: $(cat "$work/err")"
  fi
}
