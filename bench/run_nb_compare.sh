#!/bin/bash
# genlab's Naive Bayes against scikit-learn on Fashion-MNIST (60000 x 784): fit and
# predict_proba times for the Gaussian and the Bernoulli (binarize 0.5) kinds, one thread each,
# the ratios, and each side's mean log p(x) (nats per image) as a check they fit one model.
# Usage: bench/run_nb_compare.sh BUILD_DIR [rounds (default 3)]
# Needs /usr/bin/python3 with scikit-learn and Debian's dataset-fashion-mnist.
set -euo pipefail
build="${1:?usage: run_nb_compare.sh BUILD_DIR [rounds]}"
rounds="${2:-3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="$build/bench/genlab_nb_bench"
[ -x "$bench" ] || { echo "no $bench: build the genlab_nb_bench target first" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source "$here/peer_env.sh"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 GENLAB_THREADS=1

# The sides alternate for `rounds` rounds and each takes its fastest round, so a drift in the
# machine's speed does not land on one side only.
for round in $(seq "$rounds"); do
  echo "== round $round: scikit-learn, then genlab"
  peer /usr/bin/python3 "$here/peers/nb_sklearn.py" --repeats 3 --out "$work/sklearn_$round.json"
  "$bench" --benchmark_min_time=1 --benchmark_format=json \
    --benchmark_out="$work/genlab_$round.json" --benchmark_out_format=json >/dev/null
done

/usr/bin/python3 - "$work" "$rounds" <<'PY'
import json, sys
work, rounds = sys.argv[1], int(sys.argv[2])
ms = lambda b: b["real_time"] * {"ms": 1, "us": 1e-3, "ns": 1e-6, "s": 1e3}[b["time_unit"]]
kinds = ["gaussian", "bernoulli"]
sk, gl, ll = {}, {}, {}
for r in range(1, rounds + 1):
    for row in json.load(open(f"{work}/sklearn_{r}.json")):
        for part in ["fit", "predict"]:
            key = (row["kind"], part)
            sk[key] = min(sk.get(key, float("inf")), row[f"{part}_ms"])
        ll[(row["kind"], "sklearn")] = row["mean_log_px"]
    for b in json.load(open(f"{work}/genlab_{r}.json"))["benchmarks"]:
        name, arg = b["name"].split("/")
        key = (kinds[int(arg)], "fit" if name == "BM_NbFit" else "predict")
        gl[key] = min(gl.get(key, float("inf")), ms(b))
        ll[(kinds[int(arg)], "genlab")] = b["mean_log_px"]
print(f"\nFashion-MNIST 60000 x 784, one thread each, best of {rounds} rounds per side")
print(f"{'kind':>9} {'step':>13} | {'sklearn ms':>10} {'genlab ms':>10} {'speedup':>8}")
for kind in kinds:
    for part, label in [("fit", "fit"), ("predict", "predict_proba")]:
        s, g = sk[(kind, part)], gl[(kind, part)]
        print(f"{kind:>9} {label:>13} | {s:>10.1f} {g:>10.1f} {s / g:>7.1f}x")
    s = sk[(kind, "fit")] + sk[(kind, "predict")]
    g = gl[(kind, "fit")] + gl[(kind, "predict")]
    print(f"{kind:>9} {'both':>13} | {s:>10.1f} {g:>10.1f} {s / g:>7.1f}x")
for kind in kinds:
    print(f"mean log p(x), {kind}: scikit-learn {ll[(kind, 'sklearn')]:.10g}, "
          f"genlab {ll[(kind, 'genlab')]:.10g} nats per image")
PY
