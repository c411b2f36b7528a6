#!/usr/bin/env bash
# The bar of issue 11: a 12-run sweep (a 6-value grid, 2 seeds) of a classical lesson finishes
# with 12 finished run folders, each trained by `genlab train` with its point's settings and
# seed, and a summary (printed as JSON, written as summary.csv, and printed again by --summary)
# whose mean, sd and n equal those recomputed from the runs' own metrics.csv.
set -euo pipefail
genlab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
lessons="$here/../../assets/lessons"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
py=/usr/bin/python3

# Under a sanitizer every process starts several times slower: 6 runs (3 values, 2 seeds).
values=1,2,3,4,5,6 runs=12 points=6
[[ -z "${GENLAB_SANITIZE:-}" ]] || { values=1,2,3 runs=6 points=3; }
"$genlab" sweep "$lessons/gmm_three_blobs.json" --grid k=$values --seeds 2 --steps 25 \
  --jobs 2 --out "$work/sweep" --json > "$work/summary.json" 2> "$work/err" ||
  fail "sweep failed: $(cat "$work/err")"
$py "$here/lib/sweep_check.py" "$work/sweep" "$work/summary.json" $runs

# Seeds: index s trains with the lesson's seed (3) + s; the runs of one point differ by seed.
$py - "$work/sweep/sweep.json" <<'PY'
import json, sys
sweep = json.load(open(sys.argv[1]))
assert sweep["base_seed"] == 3 and sorted({p["seed"] for p in sweep["points"]}) == [3, 4]
points = len(sweep["points"]) // 2
assert sweep["grid"] == {"k": list(range(1, points + 1))}, sweep["grid"]
assert [p["settings"]["k"] for p in sweep["points"][:points]] == list(range(1, points + 1))
PY

# --summary prints the same table for the folder: a header and one line per grid point.
"$genlab" sweep --summary "$work/sweep" > "$work/table.txt"
[[ $(wc -l < "$work/table.txt") -eq $((points + 1)) ]] || fail "table: $(cat "$work/table.txt")"
grep -q "^point  k  n  " "$work/table.txt" || fail "table header: $(head -1 "$work/table.txt")"
grep -qE "^$((points - 1)) +$points +2/2 +" "$work/table.txt" || fail "table row: $(cat "$work/table.txt")"

# Resuming a complete sweep trains nothing and leaves every run as it was.
before=$(find "$work/sweep"/0* -type f -exec md5sum {} + | sort)
"$genlab" sweep --resume --out "$work/sweep" --json > /dev/null 2> "$work/err"
after=$(find "$work/sweep"/0* -type f -exec md5sum {} + | sort)
[[ "$before" == "$after" ]] || fail "resuming a finished sweep changed its runs"
echo "sweep_local: all checks passed"
