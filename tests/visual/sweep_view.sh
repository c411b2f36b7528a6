#!/usr/bin/env bash
# serial: drives the window with xdotool, which needs it to be the only window with focus
# The sweep view, end to end: sweeps of a classical lesson are trained headless with
# `genlab train` (one run folder per grid value and seed), opened with --sweep, and checked from
# the layout report and the screenshot: one mean per grid point with a band over its seeds drawn
# in the band's colour, every seed as a dot, no label cut or overlapping (check_layout.py), in
# normal and presentation mode; with two settings swept, one parallel-coordinates polyline per
# point. A folder that is not a sweep is refused, naming it. The screenshots stay in
# sweep_screenshots/ under the test's working directory, for a person to look at.
set -euo pipefail
genlab="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[[ -n "${DISPLAY:-}" ]] || { echo "no DISPLAY: skipped"; exit 77; }
here="$(cd "$(dirname "$0")" && pwd)"
lesson="$here/../../assets/lessons/gmm_three_blobs.json"
out="$PWD/sweep_screenshots"
mkdir -p "$out"
export HOME="$work/home"

# The issue's bar: a 6-value grid, 2 seeds (3 values under sanitizers, to stay quick).
ks=(1 2 3 4 6 8)
[[ -n "${GENLAB_SANITIZE:-}" ]] && ks=(2 3 5)
for k in "${ks[@]}"; do
  for seed in 1 2; do
    "$genlab" train "$lesson" --set "k=$k" --seed "$seed" --steps 40 \
      --out "$work/ksweep/k$k-seed$seed" --quiet 2>/dev/null
  done
done

check() {  # check PNG REPORT POINTS SEEDS [POLYLINES]
  /usr/bin/python3 - "$@" <<'PY'
import json, sys
from PIL import Image
png, report_file, points, seeds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
polylines = int(sys.argv[5]) if len(sys.argv) > 5 else None
report = json.load(open(report_file))
assert "sweep" in report["window"], report["window"]
main = [v for v in report["views"] if v["view"] == "sweep"]
assert len(main) == 1, report["views"]
main = main[0]
assert main["points"] == points, main["points"]
assert main["points_with_spread"] == points, main["points_with_spread"]
assert main["seed_dots"] == points * seeds, main["seed_dots"]
# The band: its colour (a series colour at a quarter opacity over the plot area) fills a good
# part of the chart. Without it, that colour hardly occurs.
image = Image.open(png).convert("RGB")
x, y, w, h = map(int, main["rect"])
pixels = list(image.crop((x, y, x + w, y + h)).getdata())
# The first band is drawn first, over the plot area alone (later ones may lie over it, or be
# thin where their seeds agree).
colour = main["band_rgb"][0]
band = sum(1 for p in pixels if all(abs(a - b) <= 6 for a, b in zip(p, colour)))
assert band > 0.004 * w * h, f"band colour {colour}: {band} pixels of {w}x{h}"
print(f"{png}: band {colour} covers {band} pixels")
# Mean line and seed dots in the first series colour (blue 0072B2 on the light style).
blue = sum(1 for p in pixels if all(abs(a - b) <= 30 for a, b in zip(p, (0, 114, 178))))
assert blue > 300, f"only {blue} pixels of the mean line and dots"
texts = [t["text"] for t in main.get("labels", [])]
assert any("mean over 2 seeds" in t for t in texts), texts
parallel = [v for v in report["views"] if v["view"] == "sweep parallel coordinates"]
if polylines is None:
    assert not parallel, parallel
else:
    assert len(parallel) == 1 and parallel[0]["polylines"] == polylines, parallel
print(f"{png}: ok")
PY
  /usr/bin/python3 "$here/check_layout.py" "$2"
}

for mode in normal present; do
  flags=()
  [[ "$mode" == present ]] && flags=(--present)
  name="sweep_k_1920x1080_$mode"
  "$genlab" --sweep "$work/ksweep" --no-record --frames 3 --width 1920 --height 1080 \
    "${flags[@]}" --screenshot "$out/$name.png" --report-layout "$out/$name.json"
  check "$out/$name.png" "$out/$name.json" "${#ks[@]}" 2
done

# A real click (XTEST, through xdotool) at a mean the report placed opens that point's two runs
# in compare mode.
if command -v xdotool >/dev/null; then
  read -r sx sy px py < <(/usr/bin/python3 -c '
import json, sys
means = [v for v in json.load(open(sys.argv[1]))["views"] if v["view"] == "sweep"][0]["means"]
print(*map(round, means[0]["at"] + means[-1]["at"]))' "$out/sweep_k_1920x1080_normal.json")
  "$genlab" --sweep "$work/ksweep" --no-record --width 1920 --height 1080 >"$work/lab.log" 2>&1 &
  lab_pid=$!
  trap 'kill $lab_pid 2>/dev/null || true; rm -rf "$work"' EXIT
  window=""
  for _ in $(seq 100); do
    window=$(xdotool search --name "^genlab - sweep" 2>/dev/null | head -1 || true)
    [[ -n "$window" ]] && break
    sleep 0.2
  done
  [[ -n "$window" ]] || { echo "FAIL: no sweep window"; cat "$work/lab.log"; exit 1; }
  sleep 1
  # (Shift+click, which selects instead, is not driven here: the Shift held through XTEST did
  # not reach ImGui's modifier state reliably on every X server tried.)
  xdotool mousemove --window "$window" "$px" "$py"
  sleep 0.3
  xdotool click --window "$window" 1
  for _ in $(seq 50); do
    title=$(xdotool getwindowname "$window")
    [[ "$title" == *"comparing 2 runs"* ]] && break
    sleep 0.1
  done
  [[ "$title" == *"comparing 2 runs"* ]] || { echo "FAIL: a click opened \"$title\""; exit 1; }
  kill "$lab_pid"
  wait "$lab_pid" 2>/dev/null || true
  echo "clicks: ok ($title)"
fi

# Two settings (tol spans four decades: a log axis; covariance is categorical), from a
# sweep.json that orders them: the parallel coordinates show one line per point.
tols=(1e-2 1e-4 1e-6)
[[ -n "${GENLAB_SANITIZE:-}" ]] && tols=(1e-2 1e-6)
covs=(full diag)
for tol in "${tols[@]}"; do
  for cov in "${covs[@]}"; do
    for seed in 1 2; do
      "$genlab" train "$lesson" --set "tol=$tol" --set "covariance=$cov" --seed "$seed" \
        --steps 20 --out "$work/grid/tol$tol-$cov-seed$seed" --quiet 2>/dev/null
    done
  done
done
echo '{"lesson": "gmm_three_blobs.json", "grid": {"tol": [1e-2, 1e-4, 1e-6],
      "covariance": ["full", "diag"]}, "seeds": 2, "steps": 20, "points": []}' \
  >"$work/grid/sweep.json"
name="sweep_grid_1920x1080_normal"
"$genlab" --sweep "$work/grid" --no-record --frames 3 --width 1920 --height 1080 \
  --screenshot "$out/$name.png" --report-layout "$out/$name.json"
points=$((${#tols[@]} * ${#covs[@]}))
check "$out/$name.png" "$out/$name.json" "$points" 2 "$points"
/usr/bin/python3 - "$out/$name.json" <<'PY'
import json, sys
views = json.load(open(sys.argv[1]))["views"]
main = [v for v in views if v["view"] == "sweep"][0]
texts = [t["text"] for t in main["labels"]]
# x is tol, the grid's first setting, on a log axis labelled by decade.
assert any("tol (log scale)" in t for t in texts), texts
assert "0.01" in texts and ("1e-06" in texts or "0.000001" in texts), texts
parallel = [v for v in views if v["view"] == "sweep parallel coordinates"][0]
ptexts = [t["text"] for t in parallel["labels"]]
assert "full" in ptexts and "diag" in ptexts and "covariance" in ptexts, ptexts
print("two settings: ok")
PY

# Not a sweep: refused, naming the folder.
mkdir -p "$work/empty/nothing"
if "$genlab" --sweep "$work/empty" --no-record --frames 2 --width 800 --height 600 \
  --screenshot "$work/empty.png" 2>"$work/empty.log"; then
  echo "an empty folder opened as a sweep"; exit 1
fi
grep -q "$work/empty" "$work/empty.log" || { cat "$work/empty.log"; exit 1; }
echo "sweep view: ok"
