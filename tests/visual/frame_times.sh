#!/usr/bin/env bash
# serial: measures frame times, which other tests on the same two cores would inflate
# The lab keeps drawing while a trainer runs flat out: the GMM lesson with tol=0 (it never
# converges, so it never pauses), 300 frames at 1280x800, frame times reported as JSON.
#
# Speed itself is measured, not asserted (README, "Performance": p95 against the 25 ms goal
# on this 2-core machine with software OpenGL). What this asserts is what a wrong program gets
# wrong: every frame is drawn and reported, and no frame waits on the trainer (a UI thread
# blocked behind a training step would show frames of seconds, not tens of milliseconds).
set -euo pipefail
genlab="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[[ -n "${DISPLAY:-}" ]] || { echo "no DISPLAY: skipped"; exit 77; }
# A time budget means nothing under a sanitizer (several times slower by design).
[[ -z "${GENLAB_SANITIZE:-}" ]] || { echo "sanitized build ($GENLAB_SANITIZE): skipped"; exit 77; }
here="$(cd "$(dirname "$0")" && pwd)"
"$genlab" --lesson "$here/../../assets/lessons/gmm_three_blobs.json" --set tol=0 \
  --set max_iter=1000000 --play --frames 300 --width 1280 --height 800 \
  --report-frames "$work/frames.json"
/usr/bin/python3 - "$work/frames.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
print("frame work ms:", json.dumps({k: round(report[k], 2) for k in ("median", "p95", "max")}),
      "count", report["count"])
assert report["count"] >= 290, f"only {report['count']} frames reported"
assert 0 < report["median"] <= report["p95"] <= report["max"], report
assert report["p95"] < 100.0, f"p95 {report['p95']:.0f} ms: the UI is waiting on something"
PY
