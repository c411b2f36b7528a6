#!/usr/bin/env bash
# A run killed with SIGKILL at a random moment loses at most the steps after its newest
# checkpoint: its folder still opens (`runs show` reads it as interrupted), `train --resume`
# continues it, and the resumed metrics equal an uninterrupted run's bit for bit. Also: a
# truncated and a corrupted metrics.csv open with a message and lose no complete row, and
# `runs list` prints every run. Classical models here; the neural ones are in
# runs_kill_resume_neural.sh.
set -euo pipefail
genlab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
lessons="$here/../../assets/lessons"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
py=/usr/bin/python3

source "$here/lib/kill_resume.bash"

kill_and_resume gmm_three_blobs.json 2000 gmm --set tol=0 --set max_iter=1000000
# The casino lesson converges in a few dozen steps; a long sequence fitted with three states
# takes long enough to be killed midway.
$py - "$lessons/hmm_casino.json" "$work/hmm_long.json" <<'PY'
import json, sys
lesson = json.load(open(sys.argv[1]))
lesson["dataset"]["length"] = 20000
lesson["settings"]["states"] = 3
json.dump(lesson, open(sys.argv[2], "w"))
PY
kill_and_resume "$work/hmm_long.json" 300 hmm --set tol=0 --set max_iter=1000000

# A torn last line and a corrupt middle row: the run opens, every complete row is kept, the
# problem is named with its line.
run="$work/gmm-straight"
rows=$(( $(wc -l < "$run/metrics.csv") - 1 ))
cp -r "$run" "$work/torn"
printf '2001,1.0,-3.4' >> "$work/torn/metrics.csv"
"$genlab" runs show "$work/torn" --json | $py -c '
import json, sys
s = json.load(sys.stdin)
assert s["metric_rows"] == '"$rows"', s["metric_rows"]
assert s["incomplete_last_line"] is True
assert s["skipped_rows"] == 0
'
cp -r "$run" "$work/corrupt"
sed -i '10s/.*/10,0.5,not-a-number,0/' "$work/corrupt/metrics.csv"
out=$("$genlab" runs show "$work/corrupt")
[[ "$out" == *"metrics.csv:10: log_likelihood \"not-a-number\" is not a number"* ]] ||
  fail "corrupt row not reported with its line: $out"
"$genlab" runs show "$work/corrupt" --json | $py -c '
import json, sys
s = json.load(sys.stdin)
assert s["metric_rows"] == '"$rows"' - 1 and s["skipped_rows"] == 1, (s["metric_rows"], s["skipped_rows"])
'

# Not a run, and a run from a newer genlab: a message naming the file, a non-zero exit.
mkdir "$work/empty"
set +e; out=$("$genlab" runs show "$work/empty" 2>&1); code=$?; set -e
[[ $code -ne 0 && "$out" == *"not a run folder"* ]] || fail "empty folder: $out"
cp -r "$run" "$work/newer"
$py - "$work/newer/run.json" <<'PY'
import json, sys
info = json.load(open(sys.argv[1])); info["format"] = 99
json.dump(info, open(sys.argv[1], "w"))
PY
set +e; out=$("$genlab" runs show "$work/newer" 2>&1); code=$?; set -e
[[ $code -ne 0 && "$out" == *"newer/run.json"* && "$out" == *"newer genlab"* ]] || fail "newer run: $out"

# runs list: every readable run, a table and JSON; unreadable ones named on stderr.
"$genlab" runs list "$work" > "$work/list.txt" 2> "$work/list.err"
grep -q "gmm-straight" "$work/list.txt" || fail "runs list lacks a run: $(cat "$work/list.txt")"
grep -q "newer" "$work/list.err" || fail "runs list did not name the unreadable run"
count=$("$genlab" runs list "$work" --json 2>/dev/null | $py -c 'import json,sys; print(len(json.load(sys.stdin)))')
[[ "$count" -ge 6 ]] || fail "runs list --json found $count runs"
echo "runs_kill_resume: all checks passed"
