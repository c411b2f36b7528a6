# A lab window driven by real key presses (xdotool), for the visual tests that need one.
# Source after setting `work` (a temporary folder, removed at exit with the lab stopped):
#   start_lab ARGS...        starts "$genlab" ARGS... in the background, output in $work/lab.log
#   find_lab_window PATTERN  sets `window` to the first window whose name matches, or fails
lab_pid=""
cleanup() {
  if [[ -n "$lab_pid" ]]; then
    kill "$lab_pid" 2>/dev/null || true
    wait "$lab_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
[[ -n "${DISPLAY:-}" ]] || { echo "no DISPLAY: skipped"; exit 77; }
command -v xdotool >/dev/null || { echo "xdotool missing: skipped"; exit 77; }

start_lab() {
  "$genlab" "$@" >"$work/lab.log" 2>&1 &
  lab_pid=$!
}

find_lab_window() {
  window=""
  for _ in $(seq 100); do
    window=$(xdotool search --name "$1" 2>/dev/null | head -1 || true)
    [[ -n "$window" ]] && return 0
    sleep 0.2
  done
  echo "FAIL: no lab window"
  cat "$work/lab.log"
  exit 1
}
