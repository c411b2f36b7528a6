#!/bin/bash
# genlab's RBM against scikit-learn's BernoulliRBM, one thread each: PCD-1, batch 10, learning
# rate 0.1 (scikit-learn's defaults) on binarised images.
#   Speed: one epoch on the 1500 training digits with 64 hidden units, and on Fashion-MNIST's
#   60000 images with 256; the sides alternate for `rounds` rounds, each keeps its fastest.
#   Quality: both sides train --epochs epochs on the digits with 16 hidden units (seeds 0-3)
#   and with 64 (seed 0);
#   genlab scores both weight sets (scikit-learn's loaded from its components_) on the 297
#   held-out digits: log-likelihood exact for 16 hidden units, AIS (200 runs x 10000 betas,
#   with its standard error) for 64, and the exact pseudo-likelihood.
# Usage: bench/run_rbm_compare.sh BUILD_DIR [rounds (default 3)] [epochs (default 20)]
set -euo pipefail
build="${1:?usage: run_rbm_compare.sh BUILD_DIR [rounds] [epochs]}"
rounds="${2:-3}"
epochs="${3:-20}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="$build/bench/genlab_rbm_bench"
genlab="$build/app/genlab"
for exe in "$bench" "$genlab"; do
  [ -x "$exe" ] || { echo "no $exe: build genlab_rbm_bench and genlab first" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source "$here/peer_env.sh"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 GENLAB_THREADS=1

for round in $(seq "$rounds"); do
  echo "== round $round: scikit-learn, then genlab"
  peer /usr/bin/python3 "$here/peers/rbm_sklearn.py" --dataset digits --hidden 64 \
    --out "$work/sk_digits_$round.json"
  peer /usr/bin/python3 "$here/peers/rbm_sklearn.py" --dataset fashion --hidden 256 \
    --out "$work/sk_fashion_$round.json"
  "$bench" --benchmark_min_time=0 --benchmark_repetitions=1 --benchmark_format=json \
    --benchmark_out="$work/genlab_$round.json" --benchmark_out_format=json >/dev/null
done

echo "== quality: $epochs epochs each side"
# PCD-1 at learning rate 0.1 lands far apart from one seed to the next (several nats per image
# on the held-out digits), so H=16 (exact, cheap) is trained from four seeds on each side.
for run in 16:0 16:1 16:2 16:3 64:0; do
  hidden=${run%:*} seed=${run#*:}
  q="$work/q${hidden}_$seed"
  mkdir -p "$q"
  peer /usr/bin/python3 "$here/peers/rbm_sklearn.py" --dataset digits --hidden "$hidden" \
    --epochs "$epochs" --seed "$seed" --work "$q" --out "$q/time.json"
  common=(--data "$q/train.csv" --test "$q/test.csv" --json --ais-runs 200 --ais-betas 10000
          --seed "$seed")
  "$genlab" fit rbm "${common[@]}" --hidden "$hidden" --pcd --batch 10 --lr 0.1 \
    --epochs "$epochs" --out "$q/ours.json" >"$q/genlab.json"
  "$genlab" fit rbm "${common[@]}" --init "$q/sklearn_model.json" --epochs 0 \
    >"$q/sklearn_scored.json"
done

/usr/bin/python3 - "$work" "$rounds" <<'PY'
import json, sys
work, rounds = sys.argv[1], int(sys.argv[2])
ms = lambda b: b["real_time"] * {"ms": 1, "us": 1e-3, "ns": 1e-6, "s": 1e3}[b["time_unit"]]
cpu_ms = lambda b: b["cpu_time"] * {"ms": 1, "us": 1e-3, "ns": 1e-6, "s": 1e3}[b["time_unit"]]
sk, gl = {}, {}
for r in range(1, rounds + 1):
    for name in ["digits", "fashion"]:
        row = json.load(open(f"{work}/sk_{name}_{r}.json"))
        for kind, key in [("wall", "epoch_ms"), ("cpu", "epoch_cpu_ms")]:
            sk[name, kind] = min(sk.get((name, kind), float("inf")), min(row[key]))
    for b in json.load(open(f"{work}/genlab_{r}.json"))["benchmarks"]:
        name = "digits" if b["name"].split("/")[1] == "0" else "fashion"
        for kind, get in [("wall", ms), ("cpu", cpu_ms)]:
            gl[name, kind] = min(gl.get((name, kind), float("inf")), get(b))
print(f"\nOne PCD-1 epoch, batch 10, one thread each, best of {rounds} rounds per side")
print(f"{'data':>28} {'time':>4} | {'sklearn ms':>10} {'genlab ms':>10} {'speedup':>8}")
for name, label in [("digits", "digits 1500 x 64, H=64"), ("fashion", "Fashion 60000 x 784, H=256")]:
    for kind in ["wall", "cpu"]:
        s, g = sk[name, kind], gl[name, kind]
        print(f"{label:>28} {kind:>4} | {s:>10.1f} {g:>10.1f} {s / g:>7.2f}x")
print("\nHeld-out digits (297), nats per image, both weight sets scored by genlab")
for hidden, seed in [(16, 0), (16, 1), (16, 2), (16, 3), (64, 0)]:
    for side, file in [("genlab", "genlab"), ("scikit-learn", "sklearn_scored")]:
        d = json.load(open(f"{work}/q{hidden}_{seed}/{file}.json"))
        z = d["log_partition"]
        how = "exact" if z["method"] == "exact" else f"AIS +- {z['standard_error']:.3f}"
        print(f"H={hidden:<3} seed {seed} {side:>12}: log-likelihood {d['test']['log_likelihood']:9.3f} ({how}), "
              f"pseudo-likelihood {d['test']['pseudo_likelihood']:9.3f}, log Z {z['value']:.3f}")
PY
