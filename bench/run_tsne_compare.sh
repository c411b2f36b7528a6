#!/usr/bin/env bash
# genlab's Barnes-Hut t-SNE against scikit-learn's TSNE(method="barnes_hut") on the same points:
# 10,000 Fashion-MNIST images reduced to 50 dimensions by PCA (written once, read by both),
# perplexity 30, 1000 iterations, PCA initialisation, theta 0.5, early exaggeration 12, learning
# rate "auto"; 1 and 2 threads (OMP_NUM_THREADS for scikit-learn). Wall time of the whole fit on
# each side (neighbours, P, initialisation, optimisation), and the exact KL divergence of both
# final embeddings under the same P (genlab's kNN affinities; Z over all 10^8 pairs), so neither
# side is judged by its own Barnes-Hut estimate. scikit-learn's own reported figure is printed
# beside it. CPU time (the process's, over the same span) is printed too: on a shared machine
# it is the steadier figure (with 2 threads it counts both cores, so it shows cost, not speed).
#
#   bench/run_tsne_compare.sh BUILD_DIR [ROUNDS (default 2)] [N (default 10000)]
#
# The sides alternate, scikit-learn first, for ROUNDS rounds per thread count; each keeps its
# fastest round. About 5 minutes per round on the 2-core reference machine.
set -euo pipefail
build=${1:?usage: run_tsne_compare.sh BUILD_DIR [ROUNDS] [N]}
rounds=${2:-2}
n=${3:-10000}
here=$(cd "$(dirname "$0")" && pwd)
bench="$build/bench/genlab_tsne_bench"
[ -x "$bench" ] || { echo "no $bench: build the genlab_tsne_bench target first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$here/peer_env.sh"

peer /usr/bin/python3 "$here/peers/tsne_sklearn.py" make-data "$work/data.f64" "$n"
for threads in 1 2; do
  for round in $(seq "$rounds"); do
    echo "== $threads thread(s), round $round of $rounds" >&2
    OMP_NUM_THREADS=$threads peer /usr/bin/python3 "$here/peers/tsne_sklearn.py" run \
      "$work/data.f64" "$work/sklearn_${threads}_$round.f64" |
      sed "s/^{/{\"side\": \"sklearn\", \"threads\": $threads, \"round\": $round, /" \
        >>"$work/results.jsonl"
    "$bench" run "$work/data.f64" 50 "$work/genlab_${threads}_$round.f64" "$threads" |
      sed "s/^{/{\"side\": \"genlab\", \"threads\": $threads, \"round\": $round, /" \
        >>"$work/results.jsonl"
    tail -n 2 "$work/results.jsonl" >&2
    "$bench" kl "$work/data.f64" 50 2 30 "$work/sklearn_${threads}_$round.f64" \
      "$work/genlab_${threads}_$round.f64" |
      sed "s/^{/{\"side\": \"kl\", \"threads\": $threads, \"round\": $round, /" \
        >>"$work/results.jsonl"
  done
done

/usr/bin/python3 - "$work/results.jsonl" "$n" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
print(f"\nt-SNE, {sys.argv[2]} points in 50-D, perplexity 30, 1000 iterations, theta 0.5")
print(f"{'threads':>7} | {'sklearn s':>9} {'genlab s':>9} {'speedup':>8} | "
      f"{'sklearn cpu s':>13} {'genlab cpu s':>12} {'cpu ratio':>9} | "
      f"{'exact KL sklearn':>16} {'exact KL genlab':>15} {'genlab/sklearn':>14} | "
      f"{'sklearn own KL':>14}")
for t in sorted({r["threads"] for r in rows}):
    side = lambda s: [r for r in rows if r["side"] == s and r["threads"] == t]
    sk = min(side("sklearn"), key=lambda r: r["seconds"])
    gl = min(side("genlab"), key=lambda r: r["seconds"])
    kls = side("kl")
    ksk = sum(r["exact_kl"][0] for r in kls) / len(kls)
    kgl = sum(r["exact_kl"][1] for r in kls) / len(kls)
    print(f"{t:>7} | {sk['seconds']:>9.1f} {gl['seconds']:>9.2f} {sk['seconds'] / gl['seconds']:>7.1f}x | "
          f"{sk['cpu_seconds']:>13.1f} {gl['cpu_seconds']:>12.2f} {sk['cpu_seconds'] / gl['cpu_seconds']:>8.1f}x | "
          f"{ksk:>16.4f} {kgl:>15.4f} {kgl / ksk:>14.3f} | {sk['kl']:>14.4f}")
print("(fastest round per side; exact KL averaged over the rounds; genlab's setup (kNN, P, PCA): "
      + ", ".join(f"{r['setup_seconds']:.2f} s" for r in rows if r["side"] == "genlab") + ")")
PY
