#!/usr/bin/env bash
# "Which model explains the digits best" in the real lab window at 1920x1080, normal and
# presentation mode. The board is cut to the models that train in seconds (independent pixels,
# Naive Bayes, the mixture, the RBMs, a VAE of 100 steps), run to the end, and checked where
# the lab's --report-layout puts the rows, by measurable properties of the screenshot:
#   - one row per figure (seven), named as the model, best first (their nats labels ascend);
#   - each bar's length is its nats on one scale from 0: length ratios equal nats ratios
#     within 2% (bars drawn on different scales, or from another value, fail);
#   - the bounds (the VAE's two) have a hatched end: along the bar's middle, the last 15% of
#     the bar mixes bar colour and background, where an exact bar is solid; each says
#     "bound: true NLL is lower";
#   - the AIS estimate (rbm64) has a dark whisker cap standing out above its bar's end;
#   - the samples view has a row of images per model that can generate (six), not blank.
# Then the board stopped after two models: two bars and the third model shown as next.
set -euo pipefail
genlab="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[[ -n "${DISPLAY:-}" ]] || { echo "no DISPLAY: skipped"; exit 77; }
[[ -e /usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz ]] ||
  { echo "no digits (python3-sklearn): skipped"; exit 77; }
lesson="$(cd "$(dirname "$0")/../../assets/lessons" && pwd)/leaderboard_digits.json"
models='models=["independent","naive_bayes","bernoulli_mixture","rbm","vae"]'

for mode in normal present; do
  flags=()
  [[ $mode == present ]] && flags=(--present)
  HOME="$work" "$genlab" --lesson "$lesson" --set "$models" --set vae_steps=100 \
    --set iw_samples=10 --steps 5 --frames 4 --width 1920 --height 1080 "${flags[@]}" \
    --no-record --runs "$work/runs" --screenshot "$work/$mode.png" \
    --report-layout "$work/$mode.json"
  /usr/bin/python3 - "$work/$mode.png" "$work/$mode.json" <<'PY'
import json, re, sys
import numpy as np
from PIL import Image
shot = np.asarray(Image.open(sys.argv[1]).convert("RGB"), dtype=int)
layout = json.load(open(sys.argv[2]))
views = {v["view"]: v for v in layout["views"]}
board = views.get("Likelihood leaderboard")
assert board, ("no board view", list(views))
labels = board["labels"]
names = ["independent", "naive bayes", "bernoulli mixture", "rbm16", "rbm64", "vae elbo",
         "vae iw10"]
rows = sorted((t for t in labels if t["text"] in names), key=lambda t: t["rect"][1])
assert sorted(t["text"] for t in rows) == sorted(names), [t["text"] for t in labels]
number = re.compile(r"^(\d+\.\d\d)( \+- \d+\.\d\d)?$")
def mid(t):
    return 0.5 * (t["rect"][1] + t["rect"][3])
nats = []
for row in rows:
    found = [t for t in labels if number.match(t["text"]) and abs(mid(t) - mid(row)) < 2]
    assert len(found) == 1, (row["text"], found)
    nats.append(float(number.match(found[0]["text"]).group(1)))
print("rows:", [(r["text"], n) for r, n in zip(rows, nats)])
assert nats == sorted(nats), "rows are not best first"

x0 = int(round(next(t for t in labels if t["text"] == "lower is better")["rect"][0]))
saturated = (shot.max(axis=2) - shot.min(axis=2)) > 60
ends, bands = [], []
for i, row in enumerate(rows):
    y = mid(row)
    top = int(0.5 * (y + mid(rows[i - 1]))) if i > 0 else int(row["rect"][1]) - 10
    bottom = int(0.5 * (y + mid(rows[i + 1]))) if i + 1 < len(rows) else int(row["rect"][3]) + 40
    columns = np.nonzero(saturated[top:bottom, x0:].any(axis=0))[0]
    assert columns.size and columns[0] <= 2, (row["text"], "no bar starting at", x0)
    ends.append(x0 + int(columns.max()) + 1)
    ys = np.nonzero(saturated[top:bottom, x0 + 3])[0]
    bands.append((top + int(ys.min()), top + int(ys.max())))
longest = max(range(len(rows)), key=lambda i: nats[i])
for i, row in enumerate(rows):
    ratio = (ends[i] - x0) / (ends[longest] - x0)
    assert abs(ratio - nats[i] / nats[longest]) < 0.02, (row["text"], ratio, nats[i] / nats[longest])

for i, row in enumerate(rows):
    y = int(mid(row))
    tail = saturated[y, ends[i] - int(0.15 * (ends[i] - x0)):ends[i] - 2]
    share = tail.mean()
    if row["text"].startswith("vae"):
        assert 0.05 < share < 0.85, (row["text"], "end not hatched", share)
    else:
        assert share > 0.95, (row["text"], "bar not solid", share)
bounds = [t for t in labels if t["text"] == "bound: true NLL is lower"]
assert len(bounds) >= 2, "the bounds are not labelled"

k = next(i for i, r in enumerate(rows) if r["text"] == "rbm64")
above = shot[bands[k][0] - 3:bands[k][0], ends[k] - 4:ends[k] + 4]
assert (above.max(axis=2) < 90).any(), "no whisker cap above rbm64's bar end"

samples = views.get("Samples of each model")
assert samples and "grid" in samples, "no samples grid"
g = samples["grid"]
assert g["count"] % 6 == 0 and g["count"] // g["columns"] == 6, g
gx, gy, gw, gh = [int(v) for v in g["rect"]]
grid = shot[gy:gy + gh, gx:gx + gw].mean(axis=2)
for r in range(6):
    band = grid[r * gh // 6:(r + 1) * gh // 6]
    assert band.std() > 40, ("blank samples row", r, band.std())
print(sys.argv[1], "ok")
PY
done

HOME="$work" "$genlab" --lesson "$lesson" --steps 2 --frames 3 --width 1920 --height 1080 \
  --no-record --runs "$work/runs" --screenshot "$work/mid.png" --report-layout "$work/mid.json"
/usr/bin/python3 - "$work/mid.json" <<'PY'
import json, sys
layout = json.load(open(sys.argv[1]))
board = next(v for v in layout["views"] if v["view"] == "Likelihood leaderboard")
texts = [t["text"] for t in board["labels"]]
assert "independent" in texts and "naive bayes" in texts, texts
assert "bernoulli mixture" in texts and "next: press Space" in texts, texts
assert "rbm16" not in texts, texts
print("mid-board ok")
PY
