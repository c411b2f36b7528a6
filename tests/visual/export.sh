#!/usr/bin/env bash
# genlab export, end to end: two short runs are trained headless, then exported. The PNGs have
# exactly the size asked and are pictures (many colours, the mixture's series colours, not all
# background), their type is drawn at the export's pixel size (three times as tall at 3x), the
# GIF has as many frames as asked and they differ while EM moves, the PNG sequence has them
# too, the CSV equals the runs' metrics.csv, and bad requests are refused naming the thing,
# with nothing written.
set -euo pipefail
genlab="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[[ -n "${DISPLAY:-}" ]] || { echo "no DISPLAY: skipped"; exit 77; }
here="$(cd "$(dirname "$0")" && pwd)"
lesson="$here/../../assets/lessons/gmm_three_blobs.json"
fail() { echo "FAIL: $*" >&2; exit 1; }
py=/usr/bin/python3

"$genlab" train "$lesson" --steps 40 --seed 3 --set tol=0 --out "$work/k3" --quiet 2>/dev/null
"$genlab" train "$lesson" --steps 25 --seed 4 --set tol=0 --set k=4 --out "$work/k4" --quiet \
  2>/dev/null

# 1. PNGs of the requested size; at 1x and 3x for the type's size.
"$genlab" export "$work/k3" --view "Data and mixture" --step 30 --png "$work/view.png" \
  --size 1600x900 >/dev/null
"$genlab" export "$work/k3" --view data-and-mixture --png "$work/small.png" --size 1280x720 \
  --scale 1 >/dev/null
sizes=("1600 900 $work/view.png")
if [[ -z "${GENLAB_SANITIZE:-}" ]]; then
  "$genlab" export "$work/k3" --view data-and-mixture --png "$work/4k.png" --size 3840x2160 \
    --scale 3 >/dev/null
  sizes+=("3840 2160 $work/4k.png")
fi
for entry in "${sizes[@]}"; do
  set -- $entry
  $py - "$1" "$2" "$3" <<'PY'
import sys
from collections import Counter
from PIL import Image
w, h, png = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
image = Image.open(png).convert("RGB")
assert image.size == (w, h), (png, image.size)
counts = Counter(image.getdata())
assert len(counts) > 50, f"{png}: only {len(counts)} colours"
top = counts.most_common(1)[0][1]
assert top < 0.95 * w * h, f"{png}: one colour covers {top / (w * h):.0%}"
# The mixture's components in the first three series colours (blue, vermillion, bluish green).
def near(p, c, tol=40): return all(abs(x - y) <= tol for x, y in zip(p, c))
for colour in [(0x00, 0x72, 0xB2), (0xD5, 0x5E, 0x00), (0x00, 0x9E, 0x73)]:
    hits = sum(n for p, n in counts.items() if near(p, colour))
    assert hits > 0.0005 * w * h, f"{png}: series colour {colour} hardly present ({hits} pixels)"
PY
done
if [[ -z "${GENLAB_SANITIZE:-}" ]]; then
  # The caption's type: rasterised at 3x the pixel size, not 1x enlarged; so three times as
  # tall (within a pixel or two of rounding), and its edges as crisp (as few grey pixels per
  # dark pixel) as at 1x, which an enlargement would not be.
  $py - "$work/small.png" "$work/4k.png" <<'PY'
import sys
from PIL import Image
def caption(png, rows):
    image = Image.open(png).convert("L")
    w = image.size[0]
    box = image.crop((0, 0, w // 3, rows))
    pixels = box.load()
    dark_rows = [y for y in range(box.size[1]) if any(pixels[x, y] < 100 for x in range(box.size[0]))]
    dark = sum(1 for v in box.getdata() if v < 100)
    grey = sum(1 for v in box.getdata() if 100 <= v < 200)
    return max(dark_rows) - min(dark_rows) + 1, grey / dark
h1, g1 = caption(sys.argv[1], 24)
h3, g3 = caption(sys.argv[2], 72)
assert abs(h3 - 3 * h1) <= 4, f"caption {h1} px tall at 1x but {h3} px at 3x"
assert g3 <= g1 * 1.5, f"edges at 3x blurrier than at 1x ({g3:.2f} grey per dark vs {g1:.2f})"
PY
fi

# 2. A GIF of six checkpoints from the first ten steps, and the same as PNG frames.
"$genlab" export "$work/k3" --view data-and-mixture --gif "$work/em.gif" --frames "$work/frames" \
  --from 0 --to 10 --count 6 --fps 5 --size 640x360 >/dev/null
$py - "$work/em.gif" "$work/frames" <<'PY'
import os, sys
from PIL import Image, ImageChops, ImageSequence
gif, frames_dir = sys.argv[1:3]
image = Image.open(gif)
assert image.n_frames == 6, image.n_frames
assert image.info.get("loop") == 0, image.info
frames = [f.convert("RGB") for f in ImageSequence.Iterator(image)]
assert all(f.size == (640, 360) for f in frames)
for i, f in enumerate(frames):
    assert len(f.getcolors(1 << 16)) > 20, f"frame {i} nearly blank"
# Below the caption line (which names the step), consecutive frames differ: EM moved.
for i in range(1, len(frames)):
    box = (0, 40, 640, 360)
    diff = ImageChops.difference(frames[i].crop(box), frames[i - 1].crop(box))
    changed = sum(1 for p in diff.getdata() if max(p) > 30)
    assert changed > 50, f"frames {i - 1} and {i} hardly differ ({changed} pixels)"
names = sorted(os.listdir(frames_dir))
assert names == [f"frame_{i:04d}.png" for i in range(1, 7)], names
# The PNG frames are the GIF's pictures before quantising: the same at almost every pixel.
for i, name in enumerate(names):
    png = Image.open(os.path.join(frames_dir, name)).convert("RGB")
    diff = ImageChops.difference(png, frames[i])
    off = sum(1 for p in diff.getdata() if max(p) > 40)
    assert off < 0.01 * 640 * 360, f"{name} and GIF frame {i} differ at {off} pixels"
PY

# 3. Curves of both runs as CSV: a step column, then run/metric, equal to their metrics.csv.
"$genlab" export "$work/k3" "$work/k4" --csv "$work/curves.csv" >/dev/null
$py - "$work" <<'PY'
import csv, math, sys
work = sys.argv[1]
table = list(csv.reader(open(f"{work}/curves.csv")))
header, rows = table[0], table[1:]
expected_header = ["step"]
values = {}
for run in ["k3", "k4"]:
    metrics = list(csv.DictReader(open(f"{work}/{run}/metrics.csv")))
    names = [c for c in metrics[0].keys() if c not in ("step", "wall_time")]
    expected_header += [f"{run}/{n}" for n in names]
    for row in metrics:
        for n in names:
            values[(int(row["step"]), f"{run}/{n}")] = float(row[n])
assert header == expected_header, (header, expected_header)
steps = sorted({s for s, _ in values})
assert [int(r[0]) for r in rows] == steps, "rows are not the union of steps"
for r in rows:
    for name, cell in zip(header[1:], r[1:]):
        want = values.get((int(r[0]), name))
        if want is None:
            assert cell == "", (r[0], name, cell)
        else:
            got = float(cell)
            assert got == want or (math.isnan(got) and math.isnan(want)), (r[0], name, got, want)
assert any(r[header.index("k4/log_likelihood")] == "" for r in rows), "k4 stops at 25: cells empty"
PY

# 4. Bad requests: refused, naming the thing, nothing written.
expect_refused() {
  local pattern="$1"; shift
  local out
  if out=$("$genlab" export "$@" 2>&1); then fail "accepted: $*"; fi
  grep -q -- "$pattern" <<<"$out" || fail "message for '$*' lacks '$pattern': $out"
}
expect_refused 'has the views "Data and mixture" (data-and-mixture)' "$work/k3" --view pies \
  --png "$work/bad.png"
expect_refused "the run shows steps 0 to 40" "$work/k3" --view data-and-mixture --step 99 \
  --png "$work/bad.png"
expect_refused "/nonexistent/x.png: cannot write there" "$work/k3" --view data-and-mixture \
  --png /nonexistent/x.png
expect_refused "--size 10x10" "$work/k3" --view data-and-mixture --size 10x10 --png "$work/bad.png"
expect_refused "--count 50: the run has only 41 checkpoints" "$work/k3" --view data-and-mixture \
  --gif "$work/bad.gif" --count 50
[[ ! -e "$work/bad.png" && ! -e "$work/bad.gif" ]] || fail "a refused export wrote a file"
echo "export: PNG sizes, type size, GIF frames, PNG sequence, CSV and refusals checked"
