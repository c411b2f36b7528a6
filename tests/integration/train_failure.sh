#!/usr/bin/env bash
# genlab train when training turns NaN (docs/RUNS.md "When training fails"): the command stops
# with a message naming the quantity and the step, the run folder keeps every step before it, a
# checkpoint of the last good step that loads, and a run.json that says what failed; and
# `genlab train --resume` goes on from that step with continuous metrics. The failure is forced
# with the GENLAB_INJECT_NAN testing hook, for the toy GAN (the issue's "fails at step 6") and a
# GMM.
set -euo pipefail
genlab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
lessons="$here/../../assets/lessons"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
py=/usr/bin/python3

check_family() {
  local name="$1" lesson="$2" quantity="$3" at="$4" ext="$5"
  shift 5
  local run="$work/$name"
  local status=0
  GENLAB_INJECT_NAN="$quantity@$at" "$genlab" train "$lessons/$lesson" --steps 12 --quiet \
    --out "$run" "$@" 2> "$work/$name.err" || status=$?
  [[ $status -eq 1 ]] || fail "$name: exit status $status, expected 1"
  grep -q "$quantity became NaN at step $at" "$work/$name.err" ||
    fail "$name: the message does not name the quantity and step: $(cat "$work/$name.err")"

  $py - "$run" "$quantity" "$at" "$ext" <<'PY'
import csv, json, os, sys
run, quantity, at, ext = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
info = json.load(open(os.path.join(run, "run.json")))
assert info["status"] == "failed", info["status"]
f = info["failure"]
assert f["quantity"] == quantity and f["became"] == "NaN", f
assert f["failed_step"] == at and f["last_good_step"] == at - 1, f
assert info["steps_done"] == at - 1, info["steps_done"]
assert info["checkpoints"][-1]["step"] == at - 1 and info["checkpoints"][-1]["file"] == f["checkpoint"], info["checkpoints"]
assert f["checkpoint"].endswith(ext) and os.path.getsize(os.path.join(run, f["checkpoint"])) > 0, f
assert quantity in info["message"], info["message"]
rows = list(csv.reader(open(os.path.join(run, "metrics.csv"))))[1:]
assert [int(r[0]) for r in rows] == list(range(1, at)), [r[0] for r in rows]
for r in rows:
    for cell in r[2:4]:
        assert cell not in ("nan", "inf", "-inf"), r
PY

  # Resumed (no hook now), it goes on from the last good step to the end.
  "$genlab" train --resume "$run" --quiet 2> "$work/$name.resume.err" ||
    fail "$name: resume failed: $(cat "$work/$name.resume.err")"
  $py - "$run" "$at" <<'PY'
import csv, json, os, sys
run, at = sys.argv[1], int(sys.argv[2])
info = json.load(open(os.path.join(run, "run.json")))
assert info["status"] == "finished" and info["steps_done"] == 12, (info["status"], info["steps_done"])
assert "failure" not in info, info["failure"]
kinds = [e["kind"] for e in info["events"]]
assert kinds[0] == "failed" and "resumed" in kinds, kinds
rows = list(csv.reader(open(os.path.join(run, "metrics.csv"))))[1:]
assert [int(r[0]) for r in rows] == list(range(1, 13)), [r[0] for r in rows]
PY
}

check_family gan gan_ring.json "generator loss" 6 .pt --set batch=32 --set g_width=16 --set d_width=16
check_family gmm gmm_three_blobs.json "log-likelihood" 4 .json --set tol=0
echo "ok"
