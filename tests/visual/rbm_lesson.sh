#!/usr/bin/env bash
# "RBM: dreaming digits" in the real lab window at 1920x1080, normal and presentation mode,
# after 600 steps, checked by measurable properties of the screenshot at the places the lab's
# --report-layout gives:
#   - every image grid lies inside its view with tiles at least 60% of the largest that fit;
#   - the filters are not flat: their pixels span a wide grey range (a model that never
#     learned, or a view that drew nothing, leaves uniform grey);
#   - each held-out digit and its reconstruction agree: pixel correlation above 0.5 on average
#     (reconstructions from the wrong images, or blank tiles, fail);
#   - the dreaming chains have left the fair-coin noise they started from: their mean grey is
#     below 0.4 (binarised digits have about a third of their pixels on).
set -euo pipefail
genlab="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[[ -n "${DISPLAY:-}" ]] || { echo "no DISPLAY: skipped"; exit 77; }
lesson="$(cd "$(dirname "$0")/../../assets/lessons" && pwd)/rbm_dreaming_digits.json"
[[ -e /usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz ]] ||
  { echo "python3-sklearn's digits missing: skipped"; exit 77; }

for mode in normal present; do
  flags=()
  [[ $mode == present ]] && flags=(--present)
  "$genlab" --lesson "$lesson" --steps 600 --frames 6 --width 1920 --height 1080 "${flags[@]}" \
    --no-record --runs "$work/runs" --screenshot "$work/$mode.png" \
    --report-layout "$work/$mode.json"
  /usr/bin/python3 - "$work/$mode.png" "$work/$mode.json" "$(dirname "$0")/lib" <<'PY'
import json, sys
import numpy as np
from PIL import Image
sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, sys.argv[3])
import grid_tiles
shot = np.asarray(Image.open(sys.argv[1]).convert("L"), dtype=float) / 255.0
layout = json.load(open(sys.argv[2]))
grids = {v["view"]: v for v in layout["views"] if "grid" in v}
names = {"filters": "Filters", "dreams": "Dreaming", "recon": "Reconstructions"}
found = {k: next((v for n, v in grids.items() if n.startswith(p)), None) for k, p in names.items()}
assert all(found.values()), ("missing grids", list(grids))

def tiles(view):
    return grid_tiles.tiles(shot, view)

for name, view in found.items():
    grid_tiles.check_fits(shot, name, view)

filters, _, _ = tiles(found["filters"])
spread = np.percentile(np.concatenate([f.ravel() for f in filters]), [5, 95])
print(f"filters: 5th-95th percentile grey {spread[0]:.2f}..{spread[1]:.2f}")
assert spread[1] - spread[0] > 0.3, "filters look flat"

pairs, _, _ = tiles(found["recon"])
corr = [np.corrcoef(pairs[2 * k].ravel(), pairs[2 * k + 1].ravel())[0, 1]
        for k in range(len(pairs) // 2)]
print(f"reconstructions: mean correlation with their images {np.mean(corr):.2f}")
assert np.mean(corr) > 0.5, corr

dreams, _, _ = tiles(found["dreams"])
mean = float(np.mean([d.mean() for d in dreams]))
print(f"dreams: mean grey {mean:.2f}")
assert 0.02 < mean < 0.4, mean
PY
done
