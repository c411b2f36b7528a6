#!/usr/bin/env bash
# serial: drives the window with xdotool, which needs it to be the only window with focus
# The Naive Bayes lessons in the real lab window at 1920x1080, normal and presentation mode:
#  - "why naive": the side-by-side picture titles both models with their held-out accuracy and
#    the full-covariance model wins on these correlated classes; both plots are shaded (many
#    colours, not blank); no label cut or overlapping (check_layout.py);
#  - digits: the drawing canvas is an 8x8 grid inside its view, the bars are titled with the
#    most probable class; no label cut or overlapping;
#  - a real mouse stroke (xdotool: left button held, moved down the canvas) in a lab as a person
#    uses it paints the canvas and changes the posterior bars (the view exported with the E key
#    before and after the stroke differs on both sides).
# The screenshots stay in nb_screenshots/ under the test's working directory, for a person.
set -euo pipefail
genlab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
lessons="$here/../../assets/lessons"
out="$PWD/nb_screenshots"
work="$(mktemp -d)"
source "$here/lib/lab_window.bash"
mkdir -p "$out"
export HOME="$work"

shoot() {  # name lesson steps mode
  local name=$1 lesson=$2 steps=$3 mode=$4 flags=()
  [[ $mode == present ]] && flags=(--present)
  "$genlab" --lesson "$lessons/$lesson.json" --steps "$steps" --frames 6 --width 1920 \
    --height 1080 "${flags[@]}" --no-record --screenshot "$out/$name-$mode.png" \
    --report-layout "$out/$name-$mode.json" >"$work/$name.log" 2>&1 || {
    echo "FAIL: the lab failed on $lesson"; cat "$work/$name.log"; exit 1; }
  /usr/bin/python3 "$here/check_layout.py" "$out/$name-$mode.json"
}

for mode in normal present; do
  shoot blobs nb_correlated_blobs 90 "$mode"
  /usr/bin/python3 - "$out/blobs-$mode.json" "$out/blobs-$mode.png" <<'PY'
import json, re, sys
from PIL import Image
report = json.load(open(sys.argv[1]))
view = [v for v in report["views"] if v["view"] == "Naive Bayes against full covariance"]
assert view, [v["view"] for v in report["views"]]
texts = [t["text"] for t in view[0]["labels"]]
# A title too long for its plot wraps: its lines are separate strings, in order.
joined = " ".join(texts)
def accuracy(name):
    found = re.search(name + r": (\d+)% right", joined)
    assert found, (name, texts)
    return float(found.group(1))
naive, full = accuracy("Naive Bayes"), accuracy("Not naive")
print(f"held-out accuracy: naive {naive}%, full covariance {full}%")
assert full >= naive + 5, (naive, full)
x, y, w, h = map(int, view[0]["rect"])
image = Image.open(sys.argv[2]).convert("RGB")
for half in (image.crop((x, y, x + w // 2, y + h)), image.crop((x + w // 2, y, x + w, y + h))):
    colours = len(set(half.getdata()))
    assert colours > 300, f"a plot with only {colours} colours: no shaded posterior?"
PY
done

if [[ ! -e /usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz ]]; then
  echo "python3-sklearn's digits not installed: the digits lesson is not checked"
  exit 0
fi

for mode in normal present; do
  shoot digits nb_digits 75 "$mode"
  /usr/bin/python3 - "$out/digits-$mode.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
view = [v for v in report["views"] if v["view"] == "Draw and classify"][0]
x, y, w, h = view["rect"]
g = view["grid"]
gx, gy, gw, gh = g["rect"]
assert g["count"] == 1 and g["tile"] == [8, 8], g
assert gx >= x - 1 and gy >= y - 1 and gx + gw <= x + w + 1 and gy + gh <= y + h + 1, (view, g)
assert gw >= 0.3 * h, f"a drawing canvas of {gw:.0f} px in a view {h:.0f} tall"
assert any(t["text"].startswith("Most probable") for t in view["labels"]), view["labels"]
means = [v for v in report["views"] if v["view"] == "Class means and samples"]
if means:
    assert means[0]["grid"]["count"] == 70, means[0]["grid"]  # 10 classes, mean + 6 samples
PY
done
# The stroke, in a lab a person would use (a scripted run ignores the pointer): the canvas's
# place in the window from the report above (same lesson, size and mode). The posterior is read
# from the view as the E key exports it (to ~/genlab-exports), before and after the stroke.
read -r cx cy cell < <(/usr/bin/python3 - "$out/digits-normal.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
view = [v for v in report["views"] if v["view"] == "Draw and classify"][0]
gx, gy, gw, gh = view["grid"]["rect"]
print(int(gx), int(gy), gw / 8)
PY
)
export_view() {  # name: E with the pointer over the canvas; the PNG becomes $out/name.png
  read -r px py < <(at 4 4)
  xdotool mousemove --window "$window" "$px" "$py"
  sleep 0.5
  xdotool key --window "$window" e
  local png=""
  for _ in $(seq 100); do
    png=$(ls "$HOME/genlab-exports/"*.png 2>/dev/null | head -1 || true)
    [[ -n "$png" ]] && break
    sleep 0.1
  done
  [[ -n "$png" ]] || { echo "FAIL: E wrote no PNG"; cat "$work/lab.log"; exit 1; }
  sleep 0.3
  mv "$png" "$out/$1.png"
}
at() { /usr/bin/python3 -c "print(int($cx + $1 * $cell), int($cy + $2 * $cell))"; }
start_lab --lesson "$lessons/nb_digits.json" --no-record --width 1920 --height 1080
find_lab_window "^genlab"
sleep 3
export_view digits-before-stroke
# A "1": down column 4 of the canvas, left button held, in small moves as a hand makes them.
read -r px py < <(at 4.5 0.5)
xdotool mousemove --window "$window" "$px" "$py"
sleep 0.3
xdotool mousedown 1
for row in 1 2 3 4 5 6 7; do
  read -r px py < <(at 4.5 "$row.5")
  xdotool mousemove --window "$window" "$px" "$py"
  sleep 0.1
done
xdotool mouseup 1
sleep 0.5
export_view digits-after-stroke
/usr/bin/python3 - "$out/digits-before-stroke.png" "$out/digits-after-stroke.png" <<'PY'
import sys
from PIL import Image, ImageChops
before = Image.open(sys.argv[1]).convert("RGB")
after = Image.open(sys.argv[2]).convert("RGB")
assert before.size == after.size, (before.size, after.size)
w, h = before.size
# Left: the canvas (white where painted); right: the posterior bars.
def changed(box):
    diff = ImageChops.difference(before.crop(box), after.crop(box)).convert("L")
    return sum(1 for p in diff.getdata() if p > 40)
canvas, bars = changed((0, 0, w * 45 // 100, h)), changed((w // 2, 0, w, h))
print(f"pixels changed by the stroke: canvas {canvas}, bars {bars}")
assert canvas > 0.002 * w * h, "the stroke painted nothing"
assert bars > 0.002 * w * h, "the posterior bars did not change"
PY
echo "ok: a mouse stroke on the canvas changed the posterior bars"
