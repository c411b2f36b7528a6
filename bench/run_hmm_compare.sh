#!/usr/bin/env bash
# genlab's HMM against pomegranate 0.14.8 on the same model and data (T = 1e5, 1-D Gaussian
# emissions, K = 4, 16, 64): milliseconds per operation, the speed-up, and the log-likelihoods
# with their relative difference.
#
#   bench/run_hmm_compare.sh BUILD_DIR [K ...]
#
# Both sides run single-threaded (OpenBLAS/OpenMP pinned to one thread; pomegranate's loops
# are single-threaded) and are timed in CPU time, so a busy shared machine skews them less.
# pomegranate at K = 64 takes a few minutes.
set -euo pipefail
build=${1:?usage: run_hmm_compare.sh BUILD_DIR [K ...]}
shift
ks=("$@")
[ ${#ks[@]} -eq 0 ] && ks=(4 16 64)
here=$(cd "$(dirname "$0")" && pwd)
bench="$build/bench/genlab_hmm_bench"
[ -x "$bench" ] || { echo "run_hmm_compare.sh: $bench not built" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1

"$bench" --export="$work"
filter="/($(IFS='|'; echo "${ks[*]}"))\$"
"$bench" --benchmark_filter="$filter" --benchmark_min_time=1 \
  --benchmark_format=json --benchmark_out="$work/genlab.json" > /dev/null
/usr/bin/python3 "$here/peers/hmm_pomegranate.py" "$work" "${ks[@]}" > "$work/peer.jsonl"

/usr/bin/python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
ours = {}
for b in json.load(open(f"{work}/genlab.json"))["benchmarks"]:
    name, k = b["name"].split("/")
    ours[(name, int(k))] = b["cpu_time"]  # ms (the benchmarks use kMillisecond)
ops = [("forward-backward", "BM_ForwardBackward", "forward_backward_ms"),
       ("Baum-Welch iter", "BM_BaumWelchIteration", "baum_welch_ms"),
       ("Viterbi", "BM_Viterbi", "viterbi_ms")]
print(f"{'op':<18}{'K':>4}{'genlab ms':>12}{'pomegranate ms':>16}{'speed-up':>10}")
peers = [json.loads(line) for line in open(f"{work}/peer.jsonl")]
for peer in peers:
    k = peer["k"]
    for label, bench, key in ops:
        g = ours[(bench, k)]
        print(f"{label:<18}{k:>4}{g:>12.2f}{peer[key]:>16.1f}{peer[key] / g:>9.1f}x")
print()
print(f"{'quantity':<22}{'K':>4}{'genlab':>22}{'pomegranate':>22}{'rel. diff':>11}")
for peer in peers:
    k = peer["k"]
    g = json.load(open(f"{work}/hmm_K{k}_genlab.json"))
    for key in ("loglik", "loglik_after_bw", "viterbi_logprob"):
        rel = abs(g[key] - peer[key]) / abs(peer[key])
        print(f"{key:<22}{k:>4}{g[key]:>22.10f}{peer[key]:>22.10f}{rel:>11.1e}")
PY
