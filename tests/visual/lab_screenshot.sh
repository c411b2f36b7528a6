#!/usr/bin/env bash
# The real lab window under a display (scripts/test starts Xvfb): open the default lesson,
# train, screenshot, and check the PNG by measurable properties.
set -euo pipefail
genlab="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[[ -n "${DISPLAY:-}" ]] || { echo "no DISPLAY: skipped"; exit 77; }
here="$(cd "$(dirname "$0")" && pwd)"

"$genlab" --lesson "$here/../../assets/lessons/gmm_three_blobs.json" --steps 30 --frames 3 \
  --width 1280 --height 800 --screenshot "$work/lab.png"
"$genlab" --lesson "$here/../../assets/lessons/gmm_three_blobs.json" --steps 30 --frames 3 \
  --width 1280 --height 800 --present --screenshot "$work/present.png"
/usr/bin/python3 "$here/check_screenshot.py" "$work/lab.png" "$work/present.png"
