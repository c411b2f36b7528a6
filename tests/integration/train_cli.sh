#!/usr/bin/env bash
# genlab train: writes a run folder, replays bit for bit from a seed, checkpoints a model that
# reproduces its last logged log-likelihood, stops cleanly on Ctrl-C, and rejects bad lessons
# with a message naming the file and key.
set -euo pipefail
genlab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
lesson="$here/../../assets/lessons/gmm_three_blobs.json"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
py=/usr/bin/python3

# 1. Two runs with the same seed log identical metrics; another seed does not.
"$genlab" train "$lesson" --steps 25 --seed 11 --set tol=0 --out "$work/a" --quiet
"$genlab" train "$lesson" --steps 25 --seed 11 --set tol=0 --out "$work/b" --quiet
"$genlab" train "$lesson" --steps 25 --seed 12 --set tol=0 --out "$work/c" --quiet
# Column 2 is wall_time, which differs from run to run; everything else must not.
values() { cut -d, -f1,3- "$1/metrics.csv"; }
cmp -s <(values "$work/a") <(values "$work/b") || fail "same seed gave different metrics"
cmp -s <(values "$work/a") <(values "$work/c") && fail "different seeds gave identical metrics"
[[ $(wc -l < "$work/a/metrics.csv") -eq 26 ]] || fail "expected a header and 25 rows"

# 2. run.json records the run; the last checkpoint is the model at the last logged step.
$py - "$work/a" "$genlab" <<'PY'
import csv, json, subprocess, sys, os
run = sys.argv[1]; genlab = sys.argv[2]
info = json.load(open(os.path.join(run, "run.json")))
assert info["status"] == "finished", info["status"]
assert info["seed"] == 11 and info["model"] == "gmm" and info["steps_done"] == 25, info
assert info["settings"]["tol"] == 0, info["settings"]
checkpoint = os.path.join(run, info["checkpoints"][-1]["file"])
model = json.load(open(checkpoint))
rows = list(csv.DictReader(open(os.path.join(run, "metrics.csv"))))
logged = float(rows[-1]["log_likelihood"])
# The checkpoint holds the model as it was at the last logged step.
assert abs(model["mean_log_likelihood"] - logged) <= 1e-12 * abs(logged), (model["mean_log_likelihood"], logged)
w = model["weights"]; assert abs(sum(w) - 1) < 1e-12 and len(w) == 3, w
assert len(model["covariances"]) == 3 and len(model["covariances"][0]) == 2
PY

# 3. Ctrl-C: metrics flushed, a checkpoint written, the run marked interrupted, exit 130.
"$genlab" train "$lesson" --steps 100000000 --set tol=0 --set max_iter=1000000 --out "$work/int" --quiet &
pid=$!
for _ in $(seq 100); do
  [[ -f "$work/int/metrics.csv" && $(wc -l < "$work/int/metrics.csv") -gt 5 ]] && break
  sleep 0.1
done
kill -INT "$pid"
set +e; wait "$pid"; code=$?; set -e
[[ $code -eq 130 ]] || fail "interrupted run exited $code, expected 130"
$py - "$work/int" <<'PY'
import csv, json, os, sys
run = sys.argv[1]
info = json.load(open(os.path.join(run, "run.json")))
assert info["status"] == "interrupted", info["status"]
rows = list(csv.DictReader(open(os.path.join(run, "metrics.csv"))))
assert len(rows) >= 5 and int(rows[-1]["step"]) == len(rows), len(rows)
assert info["steps_done"] == len(rows), (info["steps_done"], len(rows))
assert os.path.exists(os.path.join(run, info["checkpoints"][-1]["file"]))
PY

# 4. Bad input: a clear message naming the file and the key, a non-zero exit, no run folder.
bad="$work/bad.json"
sed 's/"max_iter": 200/"max_iter": 0/' "$lesson" > "$bad"
set +e; out=$("$genlab" train "$bad" --out "$work/bad-run" 2>&1); code=$?; set -e
[[ $code -ne 0 ]] || fail "bad lesson accepted"
[[ "$out" == *"$bad"* && "$out" == *"settings.max_iter"* ]] || fail "message lacks file or key: $out"
[[ ! -e "$work/bad-run" ]] || fail "a run folder was written for a bad lesson"
set +e; out=$("$genlab" train "$lesson" --set k=many --out "$work/bad-run2" 2>&1); code=$?; set -e
[[ $code -ne 0 && "$out" == *"settings.k"* ]] || fail "bad --set value: $out"

# 5. --help on every subcommand.
for cmd in "train" "info" "fit gmm" "fit hmm" "decode hmm" "runs list" "runs show"; do
  $genlab $cmd --help | grep -qi "usage" || fail "no usage for '$cmd --help'"
done
"$genlab" info | grep -q "libtorch" || fail "info lacks the LibTorch version"
echo "train_cli: all checks passed"
