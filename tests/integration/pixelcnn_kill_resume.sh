#!/usr/bin/env bash
# The kill-and-resume test of runs_kill_resume.sh on the PixelCNN digits lesson: killed with
# SIGKILL at random moments, resumed with `train --resume`, equal bit for bit to an
# uninterrupted run at the same thread count (held-out NLL every 20 steps included).
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
# One intra-op thread: resumes are bit-exact at the same thread count, and on a loaded 2-core
# machine two OpenMP threads per process ran 8x slower than one.
export GENLAB_THREADS=1
source "$here/lib/kill_resume.bash"

kill_and_resume pixelcnn_digits.json 120 pixelcnn --set eval_every=20 --set channels=8 --set layers=4
echo "pixelcnn_kill_resume: all checks passed"
