#!/usr/bin/env bash
# `genlab sweep --slurm FILE` writes a job-array script and trains nothing; the script's array
# task 3, run as Slurm would (bash FILE with SLURM_ARRAY_TASK_ID=3), trains exactly run 3 of
# sweep.json (its settings and seed) into the sweep folder, and nothing else. A task id the
# sweep does not have fails. `--summary` then counts one finished run.
set -euo pipefail
genlab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
lessons="$here/../../assets/lessons"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
py=/usr/bin/python3

cd "$work"  # relative paths given to sweep must become absolute in the script
cp "$lessons/hmm_casino.json" casino.json
"$genlab" sweep casino.json --grid states=2,3,4 --grid tol=1e-3,1e-7 --seeds 2 --steps 15 \
  --out sweep --slurm sweep.sbatch 2> err || fail "sweep --slurm: $(cat err)"
grep -q "sbatch $work/sweep.sbatch" err || fail "no submit hint: $(cat err)"
[[ -x sweep.sbatch ]] || fail "script not executable"
grep -qx "#SBATCH --array=0-11" sweep.sbatch || fail "array: $(grep array sweep.sbatch)"
grep -q "^genlab=/.*/genlab-cli$" sweep.sbatch || fail "not genlab-cli by absolute path"
grep -q "$work/casino.json" sweep.sbatch || fail "lesson path not absolute"
[[ -f sweep/sweep.json ]] || fail "no sweep.json"
[[ -z "$(find sweep -name run.json)" ]] || fail "--slurm trained something"

# From another directory, as a node would: every path in the script must be absolute.
(cd / && SLURM_ARRAY_TASK_ID=3 bash "$work/sweep.sbatch") > task.log 2>&1 || fail "task 3: $(cat task.log)"
$py - sweep <<'PY'
import json, os, sys
folder = sys.argv[1]
sweep = json.load(open(os.path.join(folder, "sweep.json")))
point = sweep["points"][3]
runs = [d for d in os.listdir(folder) if os.path.isfile(os.path.join(folder, d, "run.json"))]
assert runs == [point["run"]], runs
run = json.load(open(os.path.join(folder, point["run"], "run.json")))
assert run["status"] == "finished", run["status"]
# Run 3 is grid point 3 with seed index 0: states=3 (second value), tol=1e-7 (second).
assert point["settings"] == {"states": 3, "tol": 1e-7}, point["settings"]
assert run["settings"]["states"] == 3 and run["settings"]["tol"] == 1e-7, run["settings"]
assert run["seed"] == point["seed"] == sweep["base_seed"], (run["seed"], point)
assert run["steps_done"] <= 15 and run["origin"] == "sweep"
PY
if SLURM_ARRAY_TASK_ID=12 bash sweep.sbatch > task.log 2>&1; then fail "task 12 ran"; fi
grep -q "no run 12" task.log || fail "task 12: $(cat task.log)"

"$genlab" sweep --summary sweep --json > summary.json
$py -c '
import json, sys
s = json.load(open("summary.json"))
assert [p["finished"] for p in s["points"]] == [0, 0, 0, 1, 0, 0], [p["finished"] for p in s["points"]]
'
echo "sweep_slurm_script: all checks passed"
