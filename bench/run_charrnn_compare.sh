#!/bin/bash
# genlab's char-LSTM against the same model in Python (Debian's python3-torch): one layer of 256
# hidden units, batch 32, 100 characters of backpropagation through time, one-hot input over the
# corpus's characters (fortunes, or the licence texts without them), Adam, clipping at 5.
# Steps per second at 1 and 2 intra-op threads; the two sides alternate, `rounds` times each,
# and the median of each side is compared. Both sides: the OpenMP OpenBLAS and the same OpenMP
# wait policy (bench/peer_env.sh).
#
# Usage: bench/run_charrnn_compare.sh BUILD_DIR [steps=20] [rounds=3] [threads="1 2"]
set -euo pipefail
build="${1:?usage: run_charrnn_compare.sh BUILD_DIR [steps] [rounds] [threads]}"
steps="${2:-20}"
rounds="${3:-3}"
threads_list="${4:-1 2}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="$build/bench/genlab_charrnn_bench"
[ -x "$bench" ] || { echo "no $bench: build the genlab_charrnn_bench target first" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source "$here/peer_env.sh"

for threads in $threads_list; do
  for round in $(seq "$rounds"); do
    echo "== $threads threads, round $round" >&2
    OMP_NUM_THREADS="$threads" "$bench" --steps "$steps" --threads "$threads" \
      >>"$work/genlab-$threads.jsonl"
    peer env OMP_NUM_THREADS="$threads" /usr/bin/python3 "$here/peers/charrnn_torch.py" \
      --steps "$steps" --threads "$threads" >>"$work/python-$threads.jsonl"
  done
done

/usr/bin/python3 - "$work" "$threads_list" <<'PY'
import json, statistics, sys
work, threads_list = sys.argv[1], sys.argv[2].split()
def rates(side, t, key):
    rows = [json.loads(l) for l in open(f"{work}/{side}-{t}.jsonl")]
    return [r[key] for r in rows], rows[0]
print(f"\n{'char-LSTM 1x256, batch 32, bptt 100':<40} {'genlab':>8} {'python':>8} {'ratio':>7}")
for t in threads_list:
    for key, what in (("steps_per_s", "steps/s (wall)"), ("steps_per_cpu_s", "steps/CPU s")):
        g, info = rates("genlab", t, key)
        p, _ = rates("python", t, key)
        gm, pm = statistics.median(g), statistics.median(p)
        print(f"{t} thread(s), {what:<15} median of {len(g)} {gm:>8.3f} {pm:>8.3f} {gm / pm:>6.2f}x"
              f"   (genlab {', '.join(f'{x:.2f}' for x in g)}; python {', '.join(f'{x:.2f}' for x in p)})")
print(f"vocabulary {info['vocab']} characters, {info['train_chars']} training characters; "
      "steps/CPU s counts the process's CPU time (all threads), the fairer figure on a busy machine")
PY
