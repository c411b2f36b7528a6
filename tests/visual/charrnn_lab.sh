#!/usr/bin/env bash
# The char-RNN lesson in the real lab window, at 1920x1080, normal and in presentation mode,
# after the one-sentence LSTM has learnt its sentence: every view the lesson names is on
# screen (three of them in presentation mode, whose fourth is a tab) and not small; the state map labels its columns with the passage's characters (the
# held-out text of "the cat sat on the mat. ", thinned to fit); the connectivity view names the character it
# predicts; the window is not blank.
set -euo pipefail
genlab="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[[ -n "${DISPLAY:-}" ]] || { echo "no DISPLAY: skipped"; exit 77; }
lessons="$(cd "$(dirname "$0")/../../assets/lessons" && pwd)"

for mode in normal present; do
  flags=()
  [[ $mode == present ]] && flags=(--present)
  "$genlab" --lesson "$lessons/charrnn_tiny.json" --steps 300 --frames 6 --width 1920 \
    --height 1080 "${flags[@]}" --no-record --runs "$work/runs" \
    --screenshot "$work/$mode.png" --report-layout "$work/$mode.json"
  /usr/bin/python3 - "$work/$mode.json" "$work/$mode.png" "$mode" <<'PY'
import json, sys
from PIL import Image
layout = json.load(open(sys.argv[1]))
views = {v["view"]: v for v in layout["views"] if "view" in v}
# Presentation mode shows three views at a time (the fourth is a tab away).
titles = ["Sample (streaming)", "Bits per character", "State over a passage"]
if sys.argv[3] == "normal":
    titles.append("How far back one prediction looks")
for title in titles:
    assert title in views, f"{title} not on screen: {sorted(views)}"
    x, y, w, h = views[title]["rect"]
    assert w > 200 and h > 150, (title, views[title]["rect"])
# Column labels: characters of the passage (a space shows as "_"), thinned to fit the width.
glyphs = [l["text"] for l in views["State over a passage"]["labels"]]
alphabet = set("the cat sat on the mat. ".replace(" ", "_"))
chars = [g for g in glyphs if len(g) == 1 and not g.isdigit()]
assert len(chars) >= 10 and set(chars) <= alphabet, glyphs
if "How far back one prediction looks" in views:
    reach = [l["text"] for l in views["How far back one prediction looks"]["labels"]]
    assert any(t.startswith('-> "') for t in reach), reach[-5:]
image = Image.open(sys.argv[2]).convert("RGB")
colours = len(set(image.getdata()))
assert colours > 200, f"{sys.argv[2]}: only {colours} colours"
# The sample view draws text: a fair share of its pixels differ from its background.
x, y, w, h = (int(v) for v in views["Sample (streaming)"]["rect"])
region = image.crop((x, y, x + w, y + h))
pixels = list(region.getdata())
background = max(set(pixels), key=pixels.count)
ink = sum(1 for p in pixels if sum(abs(a - b) for a, b in zip(p, background)) > 120)
assert ink > 0.01 * len(pixels), f"sample view nearly empty: {ink} of {len(pixels)} pixels"
print(f"{sys.argv[2]}: ok ({colours} colours, sample ink {ink / len(pixels):.1%})")
PY
done
