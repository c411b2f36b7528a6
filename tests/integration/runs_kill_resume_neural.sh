#!/usr/bin/env bash
# The kill-and-resume test of runs_kill_resume.sh on a neural model: the beta-VAE on shapes,
# killed with SIGKILL at random moments, resumed, equal bit for bit to an uninterrupted run at
# the same thread count (metrics, evaluations every 100 steps included).
set -euo pipefail
genlab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
lessons="$here/../../assets/lessons"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
py=/usr/bin/python3
source "$here/lib/kill_resume.bash"

kill_and_resume vae_shapes_beta.json 400 vae --set eval_every=100 --set hidden=64
echo "runs_kill_resume_neural: all checks passed"
