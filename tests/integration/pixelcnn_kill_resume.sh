#!/usr/bin/env bash
# The kill-and-resume test of runs_kill_resume.sh on the PixelCNN digits lesson: killed with
# SIGKILL at random moments, resumed with `train --resume`, equal bit for bit to an
# uninterrupted run at the same thread count (held-out NLL every 25 steps included).
set -euo pipefail
genlab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
lessons="$here/../../assets/lessons"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
py=/usr/bin/python3
[[ -e /usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz ]] ||
  { echo "no digits (python3-sklearn): skipped"; exit 77; }
source "$here/lib/kill_resume.bash"

kill_and_resume pixelcnn_digits.json 300 pixelcnn --set eval_every=25 --set channels=16
echo "pixelcnn_kill_resume: all checks passed"
