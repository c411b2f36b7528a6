#!/usr/bin/env bash
# serial: drives the window with xdotool, which needs it to be the only window with focus
# Files through Qt in the real lab window, with real key presses (XTEST, through xdotool):
#  - Ctrl+O opens Qt's file dialog as a window of its own; Escape cancels it, and the lab's
#    window draws again afterwards (where the dialog was it shows what it showed before, and a
#    step taken after the dialog changes its picture);
#  - Ctrl+C over a view puts an image on the clipboard that another program (xclip) can paste,
#    and that image is the view: found pixel for pixel in a screenshot of the window, around
#    the mouse; Ctrl+S writes the same view as a PNG through Qt's save dialog (drawn again by
#    the export renderer at twice its size);
#  - where Qt cannot start (GENLAB_NO_QT), Ctrl+O takes a typed path, and opens it.
set -euo pipefail
genlab="$1"
[[ -n "${DISPLAY:-}" ]] || { echo "no DISPLAY: skipped"; exit 77; }
command -v xdotool >/dev/null || { echo "xdotool missing: skipped"; exit 77; }
command -v xclip >/dev/null || { echo "xclip missing: skipped"; exit 77; }
python=/usr/bin/python3
"$python" -c "import numpy, PIL.ImageGrab" 2>/dev/null || { echo "numpy/PIL missing: skipped"; exit 77; }
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
source "$here/lib/lab_window.bash"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Starts the GMM lesson (extra environment as arguments) and sets $window; logs to $work/lab.log.
start_gmm_lab() {
  env "$@" HOME="$work" "$genlab" --lesson "$here/../../assets/lessons/gmm_three_blobs.json" \
    --no-record --width 1280 --height 800 >"$work/lab.log" 2>&1 &
  lab_pid=$!
  find_lab_window "^genlab - GMM"
}
# Prints the share of pixels that differ between two screenshots; exits 0 when it is below $3
# ("below") or above it ("above", $4).
changed_share() {
  "$python" - "$@" <<'PY'
import sys
import numpy as np
from PIL import Image
a, b = (np.asarray(Image.open(p).convert("RGB")).astype(int) for p in sys.argv[1:3])
share = (np.abs(a - b).sum(axis=2) > 30).mean()
print(f"{share:.2%} of the window's pixels differ")
sys.exit(0 if (share < float(sys.argv[3])) == (sys.argv[4] == "below") else 1)
PY
}

# Whether image $2 is found pixel for pixel in screenshot $1, placed over the point $3,$4.
found_in_window() {
  "$python" - "$@" <<'PY'
import sys
import numpy as np
from PIL import Image
window = np.asarray(Image.open(sys.argv[1]).convert("RGB")).astype(int)
clip = np.asarray(Image.open(sys.argv[2]).convert("RGB")).astype(int)
mx, my = int(sys.argv[3]), int(sys.argv[4])
h, w = clip.shape[:2]
H, W = window.shape[:2]
print(f"{w} x {h} of a {W} x {H} window", end=", ")
if not (200 <= w < W and 150 <= h < H):
    sys.exit("not the size of a view")
# Where in the window is it? Every placement that holds the point, checked whole.
for y in range(max(0, my - h + 1), min(my, H - h) + 1):
    for x in range(max(0, mx - w + 1), min(mx, W - w) + 1):
        if (window[y, x] == clip[0, 0]).all() and np.abs(window[y:y + h, x:x + w] - clip).max() <= 2:
            print(f"found at {x},{y}: the view under the mouse, pixel for pixel")
            sys.exit(0)
sys.exit("not found in the window around the point")
PY
}

start_gmm_lab
eval "$(xdotool getwindowgeometry --shell "$window")"  # X, Y, WIDTH, HEIGHT
shot() { "$python" -c "
from PIL import ImageGrab
ImageGrab.grab(bbox=($X, $Y, $X + $WIDTH, $Y + $HEIGHT), xdisplay='$DISPLAY').save('$1')"; }
wait_for() {  # a window whose name matches $1 appears (or, with "gone", disappears)
  for _ in $(seq 50); do
    found=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1 || true)
    if [[ "${2:-}" == gone ]]; then [[ -z "$found" ]] && return 0; else [[ -n "$found" ]] && { echo "$found"; return 0; }; fi
    sleep 0.2
  done
  return 1
}

# The pointer over the lab (without a window manager, keys go to the window under it).
xdotool mousemove --window "$window" 640 400
sleep 1
shot "$work/before.png"
xdotool key --window "$window" ctrl+o
if dialog=$(wait_for "^Open a lesson or runs$"); then
  echo "ok: Ctrl+O opened the Qt dialog (window $dialog)"
  # Keys through XTEST to the window under the pointer (Qt may replace the dialog's X window
  # while it settles, so its id is not used after this move).
  xdotool mousemove --window "$dialog" 60 60 || true
  sleep 0.3
  xdotool key Escape
  wait_for "^Open a lesson or runs$" gone || fail "Escape did not close the dialog"
else
  fail "Ctrl+O opened no window named \"Open a lesson or runs\""
fi

# The lab redraws where the dialog was (without it, Xvfb would leave that part empty)...
xdotool mousemove --window "$window" 640 400
sleep 1
shot "$work/closed.png"
echo -n "closed dialog against before it: "
changed_share "$work/before.png" "$work/closed.png" 0.005 below ||
  fail "the window was not redrawn where the dialog was"
# ...and goes on: one step (Right) changes the picture the window shows.
xdotool key --window "$window" Right
for _ in $(seq 50); do
  [[ "$(xdotool getwindowname "$window")" =~ step\ 1$ ]] && break
  sleep 0.1
done
[[ "$(xdotool getwindowname "$window")" =~ step\ 1$ ]] || fail "Right after the dialog: $(xdotool getwindowname "$window")"
sleep 1
shot "$work/after.png"
echo -n "one step after the dialog: "
changed_share "$work/closed.png" "$work/after.png" 0.005 above ||
  fail "the window did not draw again after the dialog"

# Ctrl+C over the view under the mouse; another program pastes it.
mx=760; my=360
xdotool mousemove --window "$window" "$mx" "$my"
sleep 0.5
xdotool key --window "$window" ctrl+c
sleep 1
# Copies are drawn without the pointer's tooltip: so is the screenshot, with the pointer away
# from the views (on the status bar).
xdotool mousemove --window "$window" "$mx" 790
sleep 1
shot "$work/window.png"
timeout 10 xclip -selection clipboard -t image/png -o >"$work/clip.png" || fail "xclip could not paste an image"
echo -n "clipboard: "
found_in_window "$work/window.png" "$work/clip.png" "$mx" "$my" ||
  fail "the pasted image is not the view under the mouse"

# Ctrl+S over the same view: Qt's save dialog, a name typed into it, the view as a PNG.
xdotool mousemove --window "$window" "$mx" "$my"
sleep 0.5
xdotool key --window "$window" ctrl+s
if dialog=$(wait_for "^Export the view as PNG$"); then
  xdotool mousemove --window "$dialog" 60 60 || true
  sleep 0.5
  xdotool key ctrl+a
  xdotool type "$work/exported"
  xdotool key Return
  wait_for "^Export the view as PNG$" gone || fail "the save dialog did not close"
  for _ in $(seq 30); do [[ -s "$work/exported.png" ]] && break; sleep 0.2; done
  # Written by the export renderer at twice the view's on-screen size (the clipboard's copy
  # is that view as it is on screen), and a picture, not a blank.
  echo -n "export: "
  "$python" - "$work/clip.png" "$work/exported.png" <<'PY' || fail "exported.png is not the view, drawn at twice its size"
import sys
import numpy as np
from PIL import Image
clip, out = Image.open(sys.argv[1]), Image.open(sys.argv[2]).convert("RGB")
print(f"{out.size[0]}x{out.size[1]} for a view of {clip.size[0]}x{clip.size[1]} on screen")
# The picture is the view's content: the copied panel less its title bar and padding.
(ow, oh), (cw, ch) = out.size, clip.size
assert 2 * cw - 40 <= ow <= 2 * cw and 2 * ch - 120 <= oh <= 2 * ch, (out.size, clip.size)
colours = len(np.unique(np.asarray(out).reshape(-1, 3), axis=0))
assert colours > 50, f"only {colours} colours: blank"
PY
else
  fail "Ctrl+S opened no window named \"Export the view as PNG\""
fi

# Where Qt cannot start, Ctrl+O asks for a typed path instead, and opens what is typed.
kill "$lab_pid" 2>/dev/null || true
wait "$lab_pid" 2>/dev/null || true
start_gmm_lab GENLAB_NO_QT=1
{
  xdotool mousemove --window "$window" 640 400
  sleep 0.5
  xdotool key --window "$window" ctrl+o
  sleep 1
  xdotool key --window "$window" ctrl+a
  xdotool type --window "$window" "$(cd "$here/../../assets/lessons" && pwd)/hmm_casino.json"
  sleep 0.5
  # Held a moment: Dear ImGui 1.86 sees Enter only when it is down at the start of a frame.
  xdotool keydown --window "$window" Return
  sleep 0.2
  xdotool keyup --window "$window" Return
  for _ in $(seq 50); do
    [[ "$(xdotool getwindowname "$window")" =~ ^genlab\ -\ HMM ]] && break
    sleep 0.1
  done
  if [[ "$(xdotool getwindowname "$window")" =~ ^genlab\ -\ HMM ]]; then
    echo "ok: without Qt, the typed path opened the lesson"
  else
    fail "without Qt, the typed path did not open the lesson: $(xdotool getwindowname "$window")"
  fi
  # Qt says this when it starts without XDG_RUNTIME_DIR (as under Xvfb here).
  if grep -q XDG_RUNTIME_DIR "$work/lab.log"; then fail "GENLAB_NO_QT set, yet Qt started"; fi
}

((failures == 0)) || { cat "$work/lab.log"; exit 1; }
echo "ok: Ctrl+O opened Qt's dialog, the lab drew on after it, Ctrl+C copied and Ctrl+S exported the view"
