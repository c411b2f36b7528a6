#!/usr/bin/env bash
# The Naive Bayes lessons from the command line: `genlab train` records a run whose metrics grow
# one batch of training points per step, and a run stopped at step 40 and continued with
# `train --resume` to step 60 has the same metrics, bit for bit, as one trained straight to 60
# (the held-out accuracy of the full-covariance model beats Naive Bayes' on the tilted blobs).
set -euo pipefail
genlab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
lesson="$here/../../assets/lessons/nb_correlated_blobs.json"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$genlab" train "$lesson" --steps 60 --out "$work/straight" --quiet 2>/dev/null
"$genlab" train "$lesson" --steps 40 --out "$work/resumed" --quiet 2>/dev/null
"$genlab" train --resume "$work/resumed" --steps 60 --quiet 2>/dev/null
without_time() { cut -d, -f1,3- "$1/metrics.csv"; }
diff <(without_time "$work/straight") <(without_time "$work/resumed") >/dev/null ||
  fail "resumed metrics differ from the uninterrupted run's"
/usr/bin/python3 - "$work/straight/metrics.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(rows) == 60, len(rows)
# The first fit takes max(batch, K) = 5 points, each step 5 more.
assert [int(float(r["train_points"])) for r in rows[:3]] == [10, 15, 20], rows[:3]
last = rows[-1]
naive, full = float(last["test_accuracy"]), float(last["full_test_accuracy"])
assert full > naive + 0.05, (naive, full)
print(f"step 60: Naive Bayes {naive:.3f}, full covariance {full:.3f} of held-out points right")
PY
echo "ok: train, stop, resume gives the uninterrupted run's metrics"
