#!/bin/bash
# genlab's PixelCNN against the same networks in PyTorch (Debian's python3-torch), on the same
# threads and BLAS: training steps per second, and a grid of 16 samples drawn by genlab's fast
# sampler against Python's naive loop (one full forward pass per pixel). Prints the ratios
# (above 1: genlab is faster).
# Usage: bench/run_pixelcnn_compare.sh BUILD_DIR [threads (default "1 2")] [rounds (default 2)]
# The sides alternate for `rounds` rounds and each reports its best round.
set -euo pipefail
build="${1:?usage: run_pixelcnn_compare.sh BUILD_DIR [threads] [rounds]}"
thread_list="${2:-1 2}"
rounds="${3:-2}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="$build/bench/genlab_pixelcnn_bench"
[ -x "$bench" ] || { echo "no $bench: build the genlab_pixelcnn_bench target first" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source "$here/peer_env.sh"

echo "PyTorch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)') and genlab" \
  "(LibTorch); 7 layers, 32 channels, first kernel 5; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for threads in $thread_list; do
  export OMP_NUM_THREADS="$threads"
  for round in $(seq "$rounds"); do
    peer /usr/bin/python3 "$here/peers/pixelcnn_torch.py" --threads "$threads" \
      --out "$work/python_${threads}_$round.json" >/dev/null
    GENLAB_PIXELCNN_BENCH_THREADS="$threads" "$bench" --benchmark_min_time=1 \
      --benchmark_out="$work/genlab_${threads}_$round.json" --benchmark_out_format=json >/dev/null
  done
done

/usr/bin/python3 - "$work" "$rounds" "$thread_list" <<'PY'
import json, sys
work, rounds, threads = sys.argv[1], int(sys.argv[2]), sys.argv[3].split()
arch = {"0": "plain", "1": "gated"}
for t in threads:
    py = [json.load(open(f"{work}/python_{t}_{r}.json")) for r in range(1, rounds + 1)]
    cc = [json.load(open(f"{work}/genlab_{t}_{r}.json"))["benchmarks"] for r in range(1, rounds + 1)]
    print(f"\n{t} thread(s), best of {rounds} rounds")
    print(f"{'':34} {'genlab':>10} {'PyTorch':>10} {'ratio':>7}")
    for kind in ("Train", "Grid"):
        for a in ("0", "1"):
            for side in ("8", "28"):
                name = f"BM_{kind}/{a}/{side}"
                runs = [b for c in cc for b in c if b["name"] == name]
                key = f"{'train' if kind == 'Train' else 'sample'}_{arch[a]}_{side}"
                if kind == "Train":
                    ours = max(b["steps_per_s"] for b in runs)
                    theirs = max(p[key] for p in py)
                    print(f"{'train ' + arch[a] + ' ' + side + 'x' + side + ', steps/s':34} "
                          f"{ours:>10.1f} {theirs:>10.1f} {ours / theirs:>6.2f}x")
                else:
                    ours = min(b["seconds_per_grid"] for b in runs)
                    theirs = min(p[key] for p in py)
                    print(f"{'16 samples ' + arch[a] + ' ' + side + 'x' + side + ', s (naive py)':34} "
                          f"{ours:>10.4f} {theirs:>10.4f} {theirs / ours:>6.2f}x")
PY
