#!/usr/bin/env bash
# Image grids use their panels: in the real lab window, at 1920x1080 and in presentation mode,
# every view's image grid (from --report-layout) lies inside its view and its tiles are at least
# 60% of the largest that fit the view (for a grid whose rows mean nothing, with any number of
# columns). A row of thumbnails in a strip at the top of a tall panel, or a traversal cut down
# to whole pixels per image pixel, fails. (The exact rule, 80% of the limiting dimension, is
# tile_layout_test.cpp's; here labels and captions share the view.)
set -euo pipefail
genlab="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[[ -n "${DISPLAY:-}" ]] || { echo "no DISPLAY: skipped"; exit 77; }
lessons="$(cd "$(dirname "$0")/../../assets/lessons" && pwd)"

check() {
  /usr/bin/python3 - "$1" <<'PY'
import json, math, sys
layout = json.load(open(sys.argv[1]))
grids = [v for v in layout["views"] if "grid" in v]
assert grids, "no view reported an image grid: " + json.dumps(layout["views"])
for v in grids:
    x, y, w, h = v["rect"]
    g = v["grid"]
    gx, gy, gw, gh = g["rect"]
    tw, th = g["tile"]
    count, columns = g["count"], g["columns"]
    name = v["view"]
    assert gx >= x - 1 and gy >= y - 1 and gx + gw <= x + w + 1 and gy + gh <= y + h + 1, \
        (name, v["rect"], g["rect"])
    def fitting(cols):
        rows = math.ceil(count / cols)
        return min(w / (cols * tw + cols - 1), h / (rows * th + rows - 1))
    best = max(fitting(c) for c in range(1, count + 1)) if g["wraps"] else fitting(columns)
    scale = gw / (columns * tw + columns - 1)
    print(f"{name}: {columns}x{g['rows']} tiles of {scale * tw:.0f} px, best {best * tw:.0f} px")
    assert scale >= 0.6 * best, (name, scale, best)
PY
}

run() {  # name lesson steps extra...
  local name=$1 lesson=$2 steps=$3
  shift 3
  for mode in normal present; do
    local flags=()
    [[ $mode == present ]] && flags=(--present)
    "$genlab" --lesson "$lessons/$lesson.json" --steps "$steps" --frames 6 --width 1920 \
      --height 1080 "${flags[@]}" --no-record --runs "$work/runs" "$@" \
      --screenshot "$work/$name-$mode.png" --report-layout "$work/$name-$mode.json"
    check "$work/$name-$mode.json"
  done
}

# The beta-VAE traversal (procedural shapes, two runs side by side).
run traversal vae_shapes_beta 40
# The DCGAN's samples and its walk in noise space, when Fashion-MNIST is installed.
if [[ -e /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ]]; then
  run dcgan gan_fashion_dcgan 1
else
  echo "Fashion-MNIST not installed: the DCGAN grids are not checked"
fi
