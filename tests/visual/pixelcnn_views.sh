#!/usr/bin/env bash
# The PixelCNN lesson in the real lab window, at 1920x1080 and in presentation mode: the
# receptive-field view (the main picture) shows the trained gated network beside an untrained
# plain twin for pixel (4, 1). Measured in the screenshot: the plain side has blind cells (the
# purple of the view, only drawn for earlier pixels whose gradient is exactly zero) and the
# gated side none; both sides have seen cells (blue) and the chosen pixel's vermilion outline.
set -euo pipefail
genlab="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[[ -n "${DISPLAY:-}" ]] || { echo "no DISPLAY: skipped"; exit 77; }
[[ -e /usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz ]] ||
  { echo "no digits (python3-sklearn): skipped"; exit 77; }
lessons="$(cd "$(dirname "$0")/../../assets/lessons" && pwd)"

for mode in normal present; do
  flags=()
  [[ $mode == present ]] && flags=(--present)
  "$genlab" --lesson "$lessons/pixelcnn_digits.json" --steps 20 --frames 40 --width 1920 \
    --height 1080 "${flags[@]}" --no-record --runs "$work/runs" --display 'pixel=[4,1]' \
    --screenshot "$work/$mode.png" --report-layout "$work/$mode.json"
  /usr/bin/python3 - "$work/$mode.png" "$work/$mode.json" <<'PY'
import json, sys
from PIL import Image
image = Image.open(sys.argv[1]).convert("RGB")
layout = json.load(open(sys.argv[2]))
views = [v for v in layout["views"] if v["view"].startswith("Which pixels")]
assert views, "no receptive-field view on screen: " + json.dumps([v["view"] for v in layout["views"]])
x, y, w, h = views[0]["rect"]
def count(box, rgb, tol=12):
    return sum(1 for p in image.crop(box).getdata() if all(abs(a - b) <= tol for a, b in zip(p, rgb)))
left = (int(x), int(y), int(x + w / 2), int(y + h))
right = (int(x + w / 2), int(y), int(x + w), int(y + h))
blind, seen, chosen = (204, 121, 167), (0, 80, 160), (213, 94, 0)
counts = {side: {"blind": count(box, blind), "chosen": count(box, chosen)}
          for side, box in (("gated", left), ("plain", right))}
print(sys.argv[1], counts)
assert counts["gated"]["blind"] == 0, counts
assert counts["plain"]["blind"] > 200, counts  # blind cells are large squares
assert counts["gated"]["chosen"] > 20 and counts["plain"]["chosen"] > 20, counts
PY
done
