#!/bin/bash
# `genlab fit dbm` end to end, its figures checked by an independent computation in numpy: log Z
# and every image's log p(v) by summing exp(-E(v, h1, h2)) over all 2^(10 + 5 + 4) states of the
# model it wrote; joint training beats the greedy start on held-out images; the AIS path
# (--exact-bits 4: log Z by AIS, h2 still enumerated) lands within 4 standard errors of the exact
# log Z and labels its figure an estimate; with --exact-bits 3 (neither hidden layer enumerated)
# the figure is the mean-field bound, labelled an estimated bound, below the exact one; bad
# input is named.
# Usage: bash dbm_cli.sh /path/to/genlab. Exits 77 when /usr/bin/python3 has no numpy.
set -euo pipefail
genlab="${1:?usage: dbm_cli.sh /path/to/genlab}"
python=/usr/bin/python3
"$python" -c "import numpy" 2>/dev/null || { echo "SKIP: no numpy"; exit 77; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Three prototypes of 10 pixels with 10% of the pixels flipped.
"$python" - "$work" <<'PY'
import sys, numpy as np
rng = np.random.RandomState(0)
protos = np.array([[1] * 5 + [0] * 5, [0, 1] * 5, [1, 1, 0, 0] * 2 + [1, 0]])
def make(n):
    x = protos[rng.randint(0, 3, n)]
    return np.where(rng.uniform(size=x.shape) < 0.1, 1 - x, x)
np.savetxt(sys.argv[1] + "/train.csv", make(300), fmt="%d", delimiter=",")
np.savetxt(sys.argv[1] + "/test.csv", make(60), fmt="%d", delimiter=",")
np.savetxt(sys.argv[1] + "/grey.csv", make(5) * 0.7, fmt="%.2f", delimiter=",")
PY

common=(--data "$work/train.csv" --test "$work/test.csv" --hidden1 5 --hidden2 4 --seed 2
        --pretrain-epochs 20 --epochs 30 --batch 10 --lr 0.02)
"$genlab" fit dbm "${common[@]}" --json --out "$work/model.json" >"$work/exact.json"
"$genlab" fit dbm "${common[@]}" --json --exact-bits 4 --ais-runs 200 --ais-betas 1000 \
  >"$work/ais.json"
"$genlab" fit dbm "${common[@]}" --json --exact-bits 3 --ais-runs 200 --ais-betas 1000 \
  >"$work/bound.json"
"$genlab" fit dbm "${common[@]}" >"$work/text.txt"
grep -q "after joint training: log Z" "$work/text.txt" || { cat "$work/text.txt"; exit 1; }

if "$genlab" fit dbm --data "$work/grey.csv" --hidden1 3 --hidden2 2 2>"$work/err.txt"; then
  echo "FAIL: grey data accepted"; exit 1
fi
grep -q "grey.csv:1: column [0-9]* is 0.7, not 0 or 1" "$work/err.txt" || { cat "$work/err.txt"; exit 1; }
if "$genlab" fit dbm --data "$work/train.csv" --hidden1 3 2>"$work/err.txt"; then
  echo "FAIL: no --hidden2 accepted"; exit 1
fi
grep -q -- "--hidden2: required" "$work/err.txt" || { cat "$work/err.txt"; exit 1; }

"$python" - "$work" <<'PY'
import itertools, json, sys
import numpy as np
work = sys.argv[1]
m = json.load(open(work + "/model.json"))
W1, W2 = np.array(m["w1"]), np.array(m["w2"])
b, c1, c2 = (np.array(m[k]) for k in ["visible_bias", "hidden1_bias", "hidden2_bias"])
assert W1.shape == (10, 5) and W2.shape == (5, 4), (W1.shape, W2.shape)
def states(n):
    return np.array(list(itertools.product([0, 1], repeat=n)), dtype=float)
H1, H2 = states(5), states(4)
def log_unnormalised(v):  # log sum over h1, h2 of exp(-E), one per row of v
    e = (v @ b)[:, None, None] + (v @ W1 @ H1.T)[:, :, None] + (H1 @ c1)[None, :, None] \
        + (H2 @ c2)[None, None, :] + (H1 @ W2 @ H2.T)[None, :, :]
    return np.logaddexp.reduce(e.reshape(len(v), -1), axis=1)
log_z = np.logaddexp.reduce(log_unnormalised(states(10)))
exact = json.load(open(work + "/exact.json"))
ais = json.load(open(work + "/ais.json"))
failures = []
def near(name, got, want, tol):
    ok = abs(got - want) <= tol
    print(("ok  " if ok else "FAIL"), f"{name}: genlab {got:.12g}, numpy {want:.12g}")
    if not ok: failures.append(name)
joint = exact["joint"]
near("log Z", joint["train"]["log_partition"], log_z, 1e-9)
for split in ["train", "test"]:
    v = np.loadtxt(f"{work}/{split}.csv", delimiter=",")
    near(f"{split} log-likelihood", joint[split]["log_likelihood"], (log_unnormalised(v) - log_z).mean(), 1e-9)
    if joint[split]["kind"] != "exact": failures.append(split + " kind")
    if not joint[split]["mean_field_bound"] <= joint[split]["log_likelihood"] + 1e-12:
        failures.append(split + " bound above")
gain = joint["test"]["log_likelihood"] - exact["greedy"]["test"]["log_likelihood"]
print(f"joint training: held-out log-likelihood {gain:+.3f} nats per image over the greedy start")
if not gain > 0: failures.append("joint training did not help")
a = ais["joint"]["test"]
se = a["standard_error"]
if a["kind"] != "estimate" or a["log_partition_method"] != "ais" or not 0 < se < 0.2:
    failures.append(f"AIS figure {a}")
near("AIS log Z (4 standard errors)", a["log_partition"], log_z, 4 * se)
near("AIS test log-likelihood (4 standard errors)", a["log_likelihood"], joint["test"]["log_likelihood"], 4 * se)
bound = json.load(open(work + "/bound.json"))["joint"]["test"]
if bound["kind"] != "estimated bound" or bound["log_likelihood"] != bound["mean_field_bound"]:
    failures.append(f"bound figure {bound}")
if not bound["log_likelihood"] <= joint["test"]["log_likelihood"] + 4 * bound["standard_error"]:
    failures.append("the bound is above the exact figure")
if failures: print("FAIL:", failures)
sys.exit(1 if failures else 0)
PY
