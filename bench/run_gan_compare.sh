#!/bin/bash
# genlab's GANs against the same models in PyTorch (Debian's python3-torch): toy 2-D GAN steps
# per second and DCGAN ms per step, on the same threads and BLAS, and the ratios.
# Usage: bench/run_gan_compare.sh BUILD_DIR [threads (default 1)]
set -euo pipefail
build="${1:?usage: run_gan_compare.sh BUILD_DIR [threads]}"
threads="${2:-1}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="$build/bench/genlab_gan_bench"
[ -x "$bench" ] || { echo "no $bench: build the genlab_gan_bench target first" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
openblas=/usr/lib/x86_64-linux-gnu/openblas-openmp
export OMP_WAIT_POLICY=PASSIVE OMP_NUM_THREADS="$threads"

echo "== PyTorch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)'), $threads thread(s)"
LD_LIBRARY_PATH="$openblas" /usr/bin/python3 "$here/peers/gan_torch.py" --threads "$threads" \
  --out "$work/python.json"

echo "== genlab (LibTorch), $threads thread(s)"
GENLAB_GAN_BENCH_THREADS="$threads" "$bench" --benchmark_min_time=3 --benchmark_format=json \
  --benchmark_out="$work/genlab.json" --benchmark_out_format=json >/dev/null

/usr/bin/python3 - "$work/python.json" "$work/genlab.json" <<'PY'
import json, sys
py = json.load(open(sys.argv[1]))
runs = {b["name"].split("/")[0]: b for b in json.load(open(sys.argv[2]))["benchmarks"]}
toy = runs["BM_Gan2dStep"]["steps_per_s"]
toy_vis = runs["BM_Gan2dStepWithVisuals"]["steps_per_s"]
dcgan_ms = 1000.0 / runs["BM_DcganStep"]["steps_per_s"]
print(f"\n{'':34} {'genlab':>10} {'PyTorch':>10} {'ratio':>8}")
print(f"{'toy 2-D GAN, steps/s':34} {toy:>10.0f} {py['gan2d_steps_per_s']:>10.0f} "
      f"{toy / py['gan2d_steps_per_s']:>7.2f}x")
print(f"{'  ... with the lab visuals, steps/s':34} {toy_vis:>10.0f} {'':>10} "
      f"{toy_vis / py['gan2d_steps_per_s']:>7.2f}x")
print(f"{'DCGAN batch 64, ms/step':34} {dcgan_ms:>10.1f} {py['dcgan_ms_per_step']:>10.1f} "
      f"{py['dcgan_ms_per_step'] / dcgan_ms:>7.2f}x")
PY
