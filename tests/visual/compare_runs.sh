#!/usr/bin/env bash
# Compare mode, end to end: two short runs of one lesson with different settings are trained
# headless, opened with --open at one step, and checked from the layout report and the
# screenshot: two views of the same kind, equal size, side by side, showing the same step;
# one chart holding two curves, in the two runs' colours.
set -euo pipefail
genlab="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[[ -n "${DISPLAY:-}" ]] || { echo "no DISPLAY: skipped"; exit 77; }
here="$(cd "$(dirname "$0")" && pwd)"
lesson="$here/../../assets/lessons/gmm_three_blobs.json"

"$genlab" train "$lesson" --steps 40 --set tol=0 --out "$work/k3" --quiet 2>/dev/null
"$genlab" train "$lesson" --steps 40 --set tol=0 --set k=5 --out "$work/k5" --quiet 2>/dev/null
for size in "1920 1080" "1280 800"; do
  set -- $size
  "$genlab" --open "$work/k3" --open "$work/k5" --step 25 --frames 3 --width "$1" --height "$2" \
    --screenshot "$work/compare-$1.png" --report-layout "$work/layout-$1.json"
  /usr/bin/python3 - "$work/compare-$1.png" "$work/layout-$1.json" "$work" <<'PY'
import json, sys
from PIL import Image
png, layout_file, work = sys.argv[1:4]
layout = json.load(open(layout_file))
assert layout["compare"] is True, layout
assert "comparing 2 runs" in layout["window"], layout["window"]
views = [v for v in layout["views"] if v.get("view") != "curves"]
curves = [v for v in layout["views"] if v.get("view") == "curves"]
assert len(views) == 2, views
a, b = views
assert a["view"] == b["view"], (a["view"], b["view"])
assert {a["run"], b["run"]} == {work + "/k3", work + "/k5"}, (a["run"], b["run"])
# The same step on both, the one asked for (each run has a checkpoint there).
assert a["step"] == b["step"] == 25, (a["step"], b["step"])
# Equal size, side by side, not overlapping.
ax, ay, aw, ah = a["rect"]; bx, by, bw, bh = b["rect"]
assert abs(aw - bw) < 1 and abs(ah - bh) < 1, (a["rect"], b["rect"])
assert abs(ay - by) < 1 and bx >= ax + aw - 1, (a["rect"], b["rect"])
assert len(curves) == 1 and curves[0]["curves"] == 2, curves

image = Image.open(png).convert("RGB")
def near(p, c, tol=40): return all(abs(int(x) - y) <= tol for x, y in zip(p, c))
def count(box, colour): return sum(1 for p in image.crop(box).getdata() if near(p, colour))
# Each view panel is drawn (not blank).
for v in views:
    x, y, w, h = map(int, v["rect"])
    colours = len(set(image.crop((x, y, x + w, y + h)).getdata()))
    assert colours > 100, f"view {v['run']} nearly blank ({colours} colours)"
# The chart holds both runs' colours (series 0: blue 0072B2, series 1: vermillion D55E00).
x, y, w, h = map(int, curves[0]["rect"])
blue, vermillion = count((x, y, x + w, y + h), (0, 114, 178)), count((x, y, x + w, y + h), (213, 94, 0))
assert blue > 100 and vermillion > 100, f"curves: blue {blue}, vermillion {vermillion} pixels"
print(f"{png}: ok (views at step {a['step']}, curve pixels {blue}/{vermillion})")
PY
done

# On a projector (presentation mode, 1280x800) the layout turns: the pictures full height on the
# left, the chart beside them, tall enough to read.
"$genlab" --open "$work/k3" --open "$work/k5" --step 25 --present --no-side-panel --frames 3 \
  --width 1280 --height 800 --screenshot "$work/present.png" --report-layout "$work/present.json"
/usr/bin/python3 - "$work/present.json" <<'PY'
import json, sys
views = json.load(open(sys.argv[1]))["views"]
panels = [v for v in views if v.get("view") != "curves"]
chart = [v for v in views if v.get("view") == "curves"][0]
assert [v["step"] for v in panels] == [25, 25], panels
assert chart["curves"] == 2 and chart["rect"][3] >= 400, chart
assert all(v["rect"][3] >= 400 for v in panels), panels
print("presentation layout: ok")
PY

# Overlaid: one picture with both runs' ellipses, in both colours, at the same step.
"$genlab" --open "$work/k3" --open "$work/k5" --step 25 --overlay --frames 3 --width 1280 \
  --height 800 --screenshot "$work/overlay.png" --report-layout "$work/overlay.json"
/usr/bin/python3 - "$work/overlay.png" "$work/overlay.json" <<'PY'
import json, sys
from PIL import Image
image = Image.open(sys.argv[1]).convert("RGB")
views = json.load(open(sys.argv[2]))["views"]
overlaid = [v for v in views if v.get("overlay")]
assert len(overlaid) == 1 and overlaid[0]["steps"] == [25, 25], views
x, y, w, h = map(int, overlaid[0]["rect"])
def near(p, c, tol=40): return all(abs(int(a) - b) <= tol for a, b in zip(p, c))
region = list(image.crop((x, y, x + w, y + h)).getdata())
blue = sum(1 for p in region if near(p, (0, 114, 178)))
vermillion = sum(1 for p in region if near(p, (213, 94, 0)))
assert blue > 300 and vermillion > 300, f"overlay: blue {blue}, vermillion {vermillion} pixels"
print(f"overlay: ok (ellipse pixels {blue}/{vermillion})")
PY

# Swipe: one picture, run A left of the divider and run B right of it, at the same step.
"$genlab" --open "$work/k3" --open "$work/k5" --step 25 --swipe --frames 3 --width 1280 \
  --height 800 --screenshot "$work/swipe.png" --report-layout "$work/swipe.json"
/usr/bin/python3 - "$work/swipe.json" <<'PY'
import json, sys
views = json.load(open(sys.argv[1]))["views"]
swiped = [v for v in views if "swipe" in v]
assert len(swiped) == 1 and swiped[0]["steps"] == [25, 25] and swiped[0]["swipe"] == 0.5, views
print("swipe: ok")
PY

# |A - B| of two image grids: zero for a run set against itself, not zero for beta 1 against 4.
shapes="$here/../../assets/lessons/vae_shapes_beta.json"
for beta in 1 4; do
  "$genlab" train "$shapes" --steps 40 --set beta=$beta --set warmup_steps=0 --set hidden=64 --out "$work/b$beta" --quiet 2>/dev/null
done
for pair in "b1 b1" "b1 b4"; do
  set -- $pair
  "$genlab" --open "$work/$1" --open "$work/$2" --difference --compare-view "Latent traversal" \
    --frames 3 --width 1280 --height 800 --screenshot "$work/diff.png" --report-layout "$work/diff-$1-$2.json"
done
/usr/bin/python3 - "$work/diff-b1-b1.json" "$work/diff-b1-b4.json" <<'PY'
import json, sys
def mean_abs(path):
    views = [v for v in json.load(open(path))["views"] if v.get("difference")]
    assert len(views) == 1, views
    return views[0]["mean_abs"]
same, different = mean_abs(sys.argv[1]), mean_abs(sys.argv[2])
assert same == 0.0, f"a run against itself: mean |A - B| = {same}"
assert different > 0.002, f"beta 1 against 4: mean |A - B| = {different}"
print(f"difference: ok (0 against itself, {different:.4f} between beta 1 and 4)")
PY

# A folder that is not a run: the lab says so, names it, and exits non-zero in a scripted run.
mkdir "$work/not-a-run"
set +e; out=$("$genlab" --open "$work/not-a-run" --frames 2 --screenshot "$work/bad.png" 2>&1); code=$?; set -e
[[ $code -ne 0 && "$out" == *"not-a-run"* && "$out" == *"not a run folder"* ]] ||
  fail_message="bad folder: exit $code, $out"
[[ -z "${fail_message:-}" ]] || { echo "FAIL: $fail_message" >&2; exit 1; }
echo "compare_runs: all checks passed"
