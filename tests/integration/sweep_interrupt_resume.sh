#!/usr/bin/env bash
# Ctrl-C (SIGINT to the sweep alone) mid-sweep: the sweep forwards it to its running child,
# which ends its run "interrupted"; finished runs stay finished; the sweep exits 130 naming how
# many runs are missing and how to resume. `--resume` then trains exactly the runs not finished
# (the interrupted one continued from its checkpoint, the never-started ones from scratch), and
# leaves every finished run folder byte for byte and mtime for mtime as it was.
set -euo pipefail
genlab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
lessons="$here/../../assets/lessons"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
py=/usr/bin/python3

# A GMM on more points with no convergence test, so each run takes a while.
$py - "$lessons/gmm_three_blobs.json" "$work/blobs.json" <<'PY'
import json, sys
lesson = json.load(open(sys.argv[1]))
lesson["dataset"]["n"] = 20000
json.dump(lesson, open(sys.argv[2], "w"))
PY
steps=300
[[ -z "${GENLAB_SANITIZE:-}" ]] || steps=100
sweep=("$genlab" sweep "$work/blobs.json" --grid k=2,3 --grid tol=0 --grid max_iter=1000000
       --seeds 2 --steps "$steps" --jobs 1 --out "$work/sweep")
"${sweep[@]}" > "$work/out" 2> "$work/err" &
pid=$!
status() { $py -c 'import json,sys; print(json.load(open(sys.argv[1]))["status"])' "$1/run.json" 2>/dev/null || echo none; }
# Stop once two runs have finished and the third has taken a few steps.
third=""
for _ in $(seq 1 20000); do
  third="$(ls -d "$work/sweep"/002_* 2>/dev/null || true)"
  [[ -n "$third" && -f "$third/metrics.csv" && $(wc -l < "$third/metrics.csv") -gt 5 ]] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.01
done
[[ -n "$third" ]] || fail "the sweep never reached its third run: $(cat "$work/err")"
kill -INT "$pid"
set +e; wait "$pid"; code=$?; set -e
[[ $code -eq 130 ]] || fail "interrupted sweep exited $code: $(cat "$work/err")"
grep -q "sweep interrupted: 2 of 4 runs not finished; resume with: genlab sweep --resume --out $work/sweep" "$work/err" ||
  fail "no resume message: $(cat "$work/err")"
[[ "$(status "$work/sweep"/000_*)" == finished && "$(status "$work/sweep"/001_*)" == finished ]] ||
  fail "the first two runs are not finished"
[[ "$(status "$third")" == interrupted ]] || fail "run 2 reads as $(status "$third")"
[[ -z "$(ls -d "$work/sweep"/003_* 2>/dev/null)" ]] || fail "runs started after the Ctrl-C"

fingerprint() { find "$work/sweep"/000_* "$work/sweep"/001_* -type f -printf '%p %T@ ' -exec md5sum {} \; | sort; }
before="$(fingerprint)"
"${sweep[@]}" --resume --json > "$work/summary.json" 2> "$work/err2" ||
  fail "resume failed: $(cat "$work/err2")"
[[ "$(fingerprint)" == "$before" ]] || fail "resume touched a finished run"
grep -q "2 of 4 runs to train" "$work/err2" || fail "resume did not train exactly 2: $(cat "$work/err2")"
$py "$here/lib/sweep_check.py" "$work/sweep" "$work/summary.json" 4
$py - "$third/run.json" "$steps" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
assert run["steps_done"] == int(sys.argv[2]), run["steps_done"]
assert any(e["kind"] == "resumed" for e in run["events"]), run["events"]
PY
echo "sweep_interrupt_resume: all checks passed"
