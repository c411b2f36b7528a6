#!/bin/bash
# genlab's GANs against the same models in PyTorch (Debian's python3-torch): toy 2-D GAN steps
# per second and DCGAN ms per step, on the same threads and BLAS, and the ratios.
# Usage: bench/run_gan_compare.sh BUILD_DIR [threads (default 1)] [rounds (default 3)]
# The sides alternate for `rounds` rounds and each reports its best round: on a shared machine
# the best of several short runs is the figure least disturbed by other work.
set -euo pipefail
build="${1:?usage: run_gan_compare.sh BUILD_DIR [threads] [rounds]}"
threads="${2:-1}"
rounds="${3:-3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="$build/bench/genlab_gan_bench"
[ -x "$bench" ] || { echo "no $bench: build the genlab_gan_bench target first" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source "$here/peer_env.sh"
export OMP_NUM_THREADS="$threads"

echo "PyTorch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)') and genlab" \
  "(LibTorch), $threads thread(s), $rounds rounds; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  peer /usr/bin/python3 "$here/peers/gan_torch.py" --threads "$threads" \
    --out "$work/python_$round.json" >/dev/null
  GENLAB_GAN_BENCH_THREADS="$threads" "$bench" --benchmark_min_time=3 \
    --benchmark_out="$work/genlab_$round.json" --benchmark_out_format=json >/dev/null
done

/usr/bin/python3 - "$work" "$rounds" <<'PY'
import json, sys
work, rounds = sys.argv[1], int(sys.argv[2])
py = [json.load(open(f"{work}/python_{r}.json")) for r in range(1, rounds + 1)]
cc = [{b["name"].split("/")[0]: b["steps_per_s"]
       for b in json.load(open(f"{work}/genlab_{r}.json"))["benchmarks"]}
      for r in range(1, rounds + 1)]
toy_py = max(p["gan2d_steps_per_s"] for p in py)
dcgan_py = min(p["dcgan_ms_per_step"] for p in py)
toy = max(c["BM_Gan2dStep"] for c in cc)
toy_vis = max(c["BM_Gan2dStepWithVisuals"] for c in cc)
dcgan = min(1000.0 / c["BM_DcganStep"] for c in cc)
print(f"\n{'best of ' + str(rounds) + ' rounds':36} {'genlab':>9} {'PyTorch':>9} {'ratio':>7}")
print(f"{'toy 2-D GAN, steps/s':36} {toy:>9.0f} {toy_py:>9.0f} {toy / toy_py:>6.2f}x")
print(f"{'  with the lab visuals, steps/s':36} {toy_vis:>9.0f} {'':>9} {toy_vis / toy_py:>6.2f}x")
print(f"{'DCGAN batch 64, ms/step':36} {dcgan:>9.1f} {dcgan_py:>9.1f} {dcgan_py / dcgan:>6.2f}x")
print("\nper round (genlab / PyTorch): toy steps/s",
      ", ".join(f"{c['BM_Gan2dStep']:.0f}/{p['gan2d_steps_per_s']:.0f}" for c, p in zip(cc, py)),
      "| DCGAN ms",
      ", ".join(f"{1000 / c['BM_DcganStep']:.0f}/{p['dcgan_ms_per_step']:.0f}"
                for c, p in zip(cc, py)))
PY
