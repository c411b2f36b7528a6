#!/usr/bin/env bash
# serial: drives the window with xdotool, which needs it to be the only window with focus
# The lab's E key (a real key press through xdotool): with the mouse over a view of a recorded
# run, E writes that view as a PNG at twice its on-screen size into the default folder
# (~/genlab-exports when there is no ~/Pictures) and says where in the status bar; the file is
# named after the run, the view and the step, and is a picture (not blank).
set -euo pipefail
genlab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
source "$here/lib/lab_window.bash"

"$genlab" train "$here/../../assets/lessons/gmm_three_blobs.json" --steps 20 --set tol=0 \
  --out "$work/k3" --quiet 2>/dev/null
mkdir "$work/home"
HOME="$work/home" start_lab --open "$work/k3" --no-record --width 1600 --height 1000
find_lab_window "^genlab"
sleep 2  # the run's checkpoint loads, the views draw
# The large view (the first: "Data and mixture") fills the middle of the window.
xdotool mousemove --window "$window" 900 450
sleep 0.5
xdotool key --window "$window" e
png=""
for _ in $(seq 100); do
  png=$(ls "$work/home/genlab-exports/"*.png 2>/dev/null | head -1 || true)
  [[ -n "$png" ]] && break
  sleep 0.1
done
[[ -n "$png" ]] || { echo "FAIL: E wrote no PNG"; cat "$work/lab.log"; exit 1; }
[[ "$(basename "$png")" == k3-data-and-mixture-step20.png ]] || {
  echo "FAIL: unexpected name $png"; exit 1; }
/usr/bin/python3 - "$png" <<'PY'
import sys
from collections import Counter
from PIL import Image
image = Image.open(sys.argv[1]).convert("RGB")
w, h = image.size
# Twice a view of the 1600 x 1000 window: wider and taller than the window itself could show
# at 1x.
assert 1200 <= w <= 3200 and 600 <= h <= 2000, image.size
counts = Counter(image.getdata())
assert len(counts) > 50 and counts.most_common(1)[0][1] < 0.95 * w * h, "nearly blank"
PY
echo "export_key: E wrote $(basename "$png")"
