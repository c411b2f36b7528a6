#!/bin/bash
# `genlab fit rbm` end to end, its figures checked by an independent computation in numpy:
# log Z by enumerating all 2^V images of the model it wrote, the mean log-likelihood and exact
# pseudo-likelihood of the training and test images under that model; then the AIS path
# (--exact-bits 0) on the same model must land within 4 standard errors of the exact log Z.
# Usage: bash rbm_cli.sh /path/to/genlab. Exits 77 when /usr/bin/python3 has no numpy.
set -euo pipefail
genlab="${1:?usage: rbm_cli.sh /path/to/genlab}"
python=/usr/bin/python3
"$python" -c "import numpy" 2>/dev/null || { echo "SKIP: no numpy"; exit 77; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Two prototypes of 10 pixels with 10% of the pixels flipped: something to learn.
"$python" - "$work" <<'PY'
import sys, numpy as np
rng = np.random.RandomState(0)
protos = np.array([[1] * 5 + [0] * 5, [0, 1] * 5])
def make(n):
    x = protos[rng.randint(0, 2, n)]
    return np.where(rng.uniform(size=x.shape) < 0.1, 1 - x, x)
np.savetxt(sys.argv[1] + "/train.csv", make(200), fmt="%d", delimiter=",")
np.savetxt(sys.argv[1] + "/test.csv", make(50), fmt="%d", delimiter=",")
PY

"$genlab" fit rbm --data "$work/train.csv" --test "$work/test.csv" --hidden 6 --pcd \
  --epochs 30 --lr 0.05 --batch 10 --seed 3 --json --out "$work/model.json" >"$work/exact.json"
"$genlab" fit rbm --data "$work/train.csv" --test "$work/test.csv" --init "$work/model.json" \
  --epochs 0 --exact-bits 0 --ais-runs 200 --ais-betas 500 --json >"$work/ais.json"
"$genlab" fit rbm --data "$work/train.csv" --test "$work/test.csv" --init "$work/model.json" \
  --epochs 0 >"$work/text.txt"
grep -q "exact: 2^6 states enumerated" "$work/text.txt" || { cat "$work/text.txt"; exit 1; }

"$python" - "$work" <<'PY'
import itertools, json, sys
import numpy as np
work = sys.argv[1]
model = json.load(open(work + "/model.json"))
W = np.array(model["weights"]); b = np.array(model["visible_bias"]); c = np.array(model["hidden_bias"])
assert W.shape == (10, 6), W.shape
def free_energy(v):
    return -v @ b - np.logaddexp(0, c + v @ W).sum(axis=1)
states = np.array(list(itertools.product([0, 1], repeat=10)), dtype=float)
log_z = np.logaddexp.reduce(-free_energy(states))
def pseudo(v):
    total = np.zeros(len(v))
    for i in range(v.shape[1]):
        f = v.copy(); f[:, i] = 1 - f[:, i]
        total += -np.logaddexp(0, -(free_energy(f) - free_energy(v)))
    return total
exact = json.load(open(work + "/exact.json"))
ais = json.load(open(work + "/ais.json"))
failures = []
def near(name, got, want, tol):
    ok = abs(got - want) <= tol
    print(("ok  " if ok else "FAIL"), f"{name}: genlab {got:.12g}, numpy {want:.12g}")
    if not ok: failures.append(name)
near("log Z", exact["log_partition"]["value"], log_z, 1e-9)
if exact["log_partition"]["method"] != "exact": failures.append("method")
for split in ["train", "test"]:
    v = np.loadtxt(f"{work}/{split}.csv", delimiter=",")
    near(f"{split} log-likelihood", exact[split]["log_likelihood"], (-free_energy(v) - log_z).mean(), 1e-9)
    near(f"{split} pseudo-likelihood", exact[split]["pseudo_likelihood"], pseudo(v).mean(), 1e-9)
    if exact[split]["images"] != len(v): failures.append(split + " images")
# Trained: the held-out images are far likelier than under independent fair coins (10 log 2).
if not exact["test"]["log_likelihood"] > -10 * np.log(2) + 1.0: failures.append("not trained")
se = ais["log_partition"]["standard_error"]
if ais["log_partition"]["method"] != "ais" or not 0 < se < 0.2: failures.append(f"AIS se {se}")
near("AIS log Z (4 standard errors)", ais["log_partition"]["value"], log_z, 4 * se)
sys.exit(1 if failures else 0)
PY
