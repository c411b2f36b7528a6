#!/usr/bin/env bash
# serial: measures resident memory while the lesson plays
# The lab keeps what grows with training within its memory budget: the casino lesson with a
# 100,000-step sequence and 8 states (a snapshot is about 20 MB: three 100,000 x 8 tables), played
# flat out with --memory-budget 128M. Before budgets by bytes its timeline kept up to 256 such
# snapshots (several GB). The peak resident memory while playing may exceed that of the same lab
# after one step (the base: the process, the data, one step's working memory) by at most the
# budget and a documented allowance (docs/MEMORY.md): the snapshots in flight outside the
# timeline (the newest, the one on screen, the one being made) and the allocator's slack.
set -euo pipefail
genlab="$1"
[[ -n "${DISPLAY:-}" ]] || { echo "no DISPLAY: skipped"; exit 77; }
# Sanitizers add their own memory (shadow, quarantine): the figure would mean nothing.
[[ -z "${GENLAB_SANITIZE:-}" ]] || { echo "sanitized build ($GENLAB_SANITIZE): skipped"; exit 77; }
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3
$py - "$here/../../assets/lessons/hmm_casino.json" "$work/casino100k.json" <<'PY'
import json, sys
lesson = json.load(open(sys.argv[1]))
lesson["dataset"]["length"] = 100000
json.dump(lesson, open(sys.argv[2], "w"))
PY
budget_mib=128
allowance_mib=160
peak_kib() {  # peak resident KiB of one scripted lab run with the given options
  HOME="$work" /usr/bin/time -f "%M" -o "$work/peak" "$genlab" --lesson "$work/casino100k.json" \
    --set states=8 --no-record --width 1280 --height 800 --memory-budget ${budget_mib}M "$@" \
    >/dev/null
  cat "$work/peak"
}
base=$(peak_kib --steps 1 --frames 20)
playing=$(peak_kib --play --frames 300 --report-frames "$work/frames.json")
steps=$($py -c "import json; print(json.load(open('$work/frames.json'))['steps'])")
limit=$((base + (budget_mib + allowance_mib) * 1024))
echo "peak resident: base ${base} KiB, playing ${playing} KiB, limit ${limit} KiB (steps: $steps)"
[[ $playing -le $limit ]] || { echo "FAIL: the lab held more than its budget" >&2; exit 1; }
# The budget must have had something to bound: unbounded, the timeline would hold every one of
# these steps' snapshots (about 20 MB each), far over budget plus allowance.
[[ $steps -ge 20 ]] || { echo "only $steps steps in 300 frames: too few to test the budget: skipped"; exit 77; }
