#!/usr/bin/env bash
# A disk that fills mid-run: `genlab train` writes its run onto a 2 MiB tmpfs (mounted in a
# private mount namespace) with a lesson whose checkpoints do not all fit. It must stop with a
# non-zero exit and a message naming the file and "no space", leave run.json parseable and
# saying what happened, list only checkpoints that load, and end metrics.csv on a whole row.
# Needs root (or user namespaces) to mount; skips (77) where it cannot.
set -uo pipefail
genlab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
lesson="$here/../../assets/lessons/gan_ring.json"
py=/usr/bin/python3
fail() { echo "FAIL: $*" >&2; exit 1; }

if [[ "${GENLAB_INSIDE_NAMESPACE:-}" != 1 ]]; then
  unshare -m --propagation private true 2>/dev/null || { echo "cannot unshare: skipped"; exit 77; }
  GENLAB_INSIDE_NAMESPACE=1 exec unshare -m --propagation private bash "$0" "$@"
fi

work="$(mktemp -d)"
trap 'umount "$work/disk" 2>/dev/null; rm -rf "$work"' EXIT
mkdir "$work/disk"
mount -t tmpfs -o size=2M tmpfs "$work/disk" 2>/dev/null || { echo "cannot mount tmpfs: skipped"; exit 77; }

run="$work/disk/run"
"$genlab" train "$lesson" --steps 2000 --out "$run" --quiet >"$work/out" 2>"$work/err"
code=$?
cat "$work/err" >&2
[[ $code -ne 0 ]] || fail "training onto a full disk exited 0"
grep -q "Aborted\|terminate called\|frame #" "$work/err" && fail "a crash instead of a message"
grep -qi "no space" "$work/err" || fail "the message does not say 'no space'"
grep -q "$run/" "$work/err" || fail "the message does not name the file in $run"

# Copy the run off the full disk so resuming it can write.
cp -r "$run" "$work/copy" || fail "cannot copy the run"
$py - "$work/copy" <<'PY' || exit 1
import json, os, sys
run = sys.argv[1]
info = json.load(open(os.path.join(run, "run.json")))  # parses
assert info["status"] == "failed", info["status"]
assert "no space" in info.get("message", "").lower(), info.get("message")
assert info["checkpoints"], "no checkpoint listed"
for c in info["checkpoints"]:
    assert os.path.exists(os.path.join(run, c["file"])), c
leftovers = [f for f in os.listdir(os.path.join(run, "checkpoints")) if ".tmp" in f or f.startswith(".")]
assert not leftovers, leftovers
text = open(os.path.join(run, "metrics.csv")).read()
assert text.endswith("\n"), "metrics.csv ends in a partial row: %r" % text[-80:]
width = text.splitlines()[0].count(",")
assert all(line.count(",") == width for line in text.splitlines()), "a row of another width"
print("\n".join(str(c["step"]) for c in info["checkpoints"]), file=open(os.path.join(run, "..", "steps"), "w"))
PY

# Every checkpoint run.json lists loads: resume a copy cut back to each one.
while read -r step; do
  cut="$work/cut-$step"
  cp -r "$work/copy" "$cut"
  $py - "$cut" "$step" <<'PY'
import json, sys
path = sys.argv[1] + "/run.json"; step = int(sys.argv[2])
info = json.load(open(path))
info["checkpoints"] = [c for c in info["checkpoints"] if c["step"] <= step]
json.dump(info, open(path, "w"))
PY
  "$genlab" train --resume "$cut" --steps $((step + 1)) --quiet 2>"$work/resume-err" ||
    { cat "$work/resume-err" >&2; fail "resuming from the checkpoint at step $step failed"; }
  grep -q "from step $step\b" "$work/resume-err" || { cat "$work/resume-err" >&2; fail "checkpoint at step $step did not load"; }
  grep -q "skipped a checkpoint" "$work/resume-err" && fail "checkpoint at step $step was skipped"
done <"$work/steps"
echo "disk full: stopped with the file named; run.json, checkpoints and metrics intact"
