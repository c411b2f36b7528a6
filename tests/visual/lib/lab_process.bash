# For scripts that drive a lab they start in the background: a scratch folder ($work, also the
# lab's HOME) and, at exit, the lab ($lab_pid, once set) stopped and the folder removed.
work="$(mktemp -d)"
lab_pid=""
cleanup() {
  if [[ -n "$lab_pid" ]]; then
    kill "$lab_pid" 2>/dev/null || true
    wait "$lab_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
