#!/usr/bin/env bash
# serial: drives the window with xdotool, which needs it to be the only window with focus
# Real key presses (XTEST, through xdotool) in a real lab window: with the mouse over each part
# of the window in turn, every Space toggles training exactly once, Right takes exactly one
# step, R resets to step 0, and a held Space (auto-repeat) toggles once. The state is read from
# the window title ("genlab - HMM: the dishonest casino - training, step 13"), which names the
# trainer's actual state. Quick taps, whose press and release land between two frames, are
# what Dear ImGui 1.86 alone missed.
set -euo pipefail
genlab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
source "$here/lib/lab_window.bash"

# tol = 0 and no iteration cap: the run never converges, so only the keys change its state.
HOME="$work" start_lab --lesson "$here/../../assets/lessons/hmm_casino.json" --no-record \
  --width 1600 --height 1000 --set tol=0 --set max_iter=1000000
find_lab_window "^genlab - HMM"

title() { xdotool getwindowname "$window"; }
# Waits up to 5 s for the title to match the regular expression; prints it either way.
wait_title() {
  local t
  for _ in $(seq 50); do
    t=$(title)
    [[ "$t" =~ $1 ]] && { echo "$t"; return 0; }
    sleep 0.1
  done
  echo "$t"
  return 1
}
step_of() { sed -E 's/.*step ([0-9]+)$/\1/' <<<"$1"; }
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

wait_title "paused, step 0$" >/dev/null || fail "the lab did not open paused at step 0: $(title)"
state="paused"
# A 3 x 5 grid over the window: side panel, views, status bar, top bar, timeline.
for y in 12 250 600 900 985; do
  for x in 120 800 1450; do
    xdotool mousemove --window "$window" "$x" "$y"
    sleep 0.2
    want=$([[ "$state" == paused ]] && echo training || echo paused)
    xdotool key --window "$window" space
    if t=$(wait_title " - $want, step [0-9]+$"); then
      state=$want
    else
      fail "Space with the mouse at $x,$y: wanted $want, title is \"$t\""
    fi
    sleep 0.3  # let a few steps pass: the next press must still toggle exactly once
  done
done

# Paused from here: Right steps exactly once per press, wherever the mouse is.
if [[ "$state" == training ]]; then
  xdotool key --window "$window" space
  wait_title " - paused, step [0-9]+$" >/dev/null || fail "Space did not pause: $(title)"
fi
for point in "120 250" "800 600" "1450 985"; do
  read -r x y <<<"$point"
  xdotool mousemove --window "$window" "$x" "$y"
  sleep 0.5
  before=$(step_of "$(title)")
  xdotool key --window "$window" Right
  if ! wait_title " - paused, step $((before + 1))$" >/dev/null; then
    fail "Right at $x,$y: wanted step $((before + 1)), title is \"$(title)\""
  fi
  sleep 0.5
  [[ "$(step_of "$(title)")" == "$((before + 1))" ]] || fail "Right at $x,$y stepped twice: $(title)"
done

# A held Space repeats in the key events, but toggles once.
xdotool keydown --window "$window" space
sleep 1.2
xdotool keyup --window "$window" space
wait_title " - training, step [0-9]+$" >/dev/null || fail "held Space: wanted training: $(title)"
sleep 0.5
[[ "$(title)" =~ " - training, step " ]] || fail "held Space toggled more than once: $(title)"

xdotool key --window "$window" r
wait_title " - paused, step 0$" >/dev/null || fail "R did not reset to a paused step 0: $(title)"

((failures == 0)) || exit 1
echo "ok: every Space, Right and R acted exactly once over 15 places in the window"
