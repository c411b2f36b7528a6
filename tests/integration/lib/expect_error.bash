# Sourced by the command-line error tests. The caller sets `genlab`, `work` (a scratch folder)
# and `failures=0`, and optionally `command=(fit gmm)`, the words every call starts with.
#   expect_error "what stderr must contain" args...
# runs "$genlab" "${command[@]}" args... and counts a failure unless it exits non-zero with one
# line on stderr containing the text.
expect_error() {
  local want="$1"
  shift
  if "$genlab" "${command[@]}" "$@" >"$work/out" 2>"$work/err"; then
    echo "FAIL: exit 0 for: ${command[*]} $*"
    failures=$((failures + 1))
  elif ! grep -qF -- "$want" "$work/err" || [ "$(wc -l <"$work/err")" -ne 1 ]; then
    echo "FAIL: for: ${command[*]} $*"
    echo "  wanted one line containing: $want"
    echo "  got: $(cat "$work/err")"
    failures=$((failures + 1))
  else
    echo "ok: $(cat "$work/err")"
  fi
}
