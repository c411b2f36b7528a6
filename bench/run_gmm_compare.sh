#!/bin/bash
# genlab's GMM against scikit-learn: ms per EM iteration (full covariances, fp64) on the same
# data and starting parameters, the ratio, GFLOP/s on 4 N K d^2 flops, and the machine's dgemm
# rate for reference.
# Usage: bench/run_gmm_compare.sh BUILD_DIR [threads (default: all cores)] [rounds (default 3)]
# Needs /usr/bin/python3 with scikit-learn; both sides use the OpenMP OpenBLAS.
set -euo pipefail
build="${1:?usage: run_gmm_compare.sh BUILD_DIR [threads]}"
threads="${2:-0}"
rounds="${3:-3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="$build/bench/genlab_gmm_bench"
[ -x "$bench" ] || { echo "no $bench: build the genlab_gmm_bench target first" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source "$here/peer_env.sh"

if [ "$threads" != 0 ]; then export OMP_NUM_THREADS="$threads"; fi
# The sides alternate for `rounds` rounds and each case takes each side's fastest round: on a
# machine whose speed drifts (a VM's steal time halved it for minutes at a time here), one
# round of each can land in different weather and show a ratio off by 2x.
for round in $(seq "$rounds"); do
  echo "== round $round: scikit-learn (writes the shared data to $work), then genlab"
  peer /usr/bin/python3 "$here/peers/gmm_sklearn.py" --data-dir "$work" \
    --repeats 3 --out "$work/sklearn_$round.json"
  GENLAB_GMM_BENCH_DIR="$work" GENLAB_GMM_BENCH_THREADS="$threads" \
    "$bench" --benchmark_min_time=1 --benchmark_format=json \
    --benchmark_out="$work/genlab_$round.json" --benchmark_out_format=json >/dev/null
done

/usr/bin/python3 - "$work" "$rounds" <<'PY'
import json, re, sys
work, rounds = sys.argv[1], int(sys.argv[2])
ms = lambda b: b["real_time"] * {"ms": 1, "us": 1e-3, "ns": 1e-6, "s": 1e3}[b["time_unit"]]
sk = {}
for r in range(1, rounds + 1):
    for row in json.load(open(f"{work}/sklearn_{r}.json")):
        key = (row["n"], row["d"], row["k"])
        sk[key] = min(sk.get(key, float("inf")), row["ms_per_iter"])
# Each benchmark's fastest round (the GFLOP/s counters are rates: the fastest has the highest).
best = {}
for r in range(1, rounds + 1):
    for b in json.load(open(f"{work}/genlab_{r}.json"))["benchmarks"]:
        if b["name"] not in best or ms(b) < ms(best[b["name"]]): best[b["name"]] = b
runs = list(best.values())
gemm = {}
for b in runs:
    m = re.match(r"BM_DgemmEStepShape/(\d+)/(\d+)", b["name"])
    if m: gemm[(int(m[1]), int(m[2]))] = b["GFLOPs"]
    if b["name"].startswith("BM_DgemmSquare"): peak = b["GFLOPs"]
print(f"\nbest of {rounds} rounds per side; dgemm 2048^3 (OpenBLAS, all threads): {peak:.1f} GFLOP/s")
print(f"{'N':>8} {'d':>3} {'K':>3} | {'sklearn ms':>10} {'genlab ms':>10} {'speedup':>8} | "
      f"{'GFLOP/s':>8} {'% dgemm':>8} {'% E-step-shape dgemm':>21}")
for b in runs:
    m = re.match(r"BM_GmmEmIteration/(\d+)/(\d+)/(\d+)", b["name"])
    if not m: continue
    n, d, k = int(m[1]), int(m[2]), int(m[3])
    g = ms(b); s = sk[(n, d, k)]; rate = b["GFLOPs"]
    shape = f"{100 * rate / gemm[(d, k)]:.0f}%" if (d, k) in gemm else "-"
    print(f"{n:>8} {d:>3} {k:>3} | {s:>10.1f} {g:>10.2f} {s / g:>7.1f}x | "
          f"{rate:>8.1f} {100 * rate / peak:>7.0f}% {shape:>21}")
PY
