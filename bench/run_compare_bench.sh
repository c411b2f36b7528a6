#!/usr/bin/env bash
# The runs-and-compare figures (docs/RUNS.md): listing 1000 runs, moving the global step on two
# recorded VAE runs, the lab's frame times while two trainers run in compare mode, and the
# memory of an opened run against its length.
# Usage: bench/run_compare_bench.sh [build/release]
set -euo pipefail
build="${1:-build/release}"
genlab="$build/app/genlab"
here="$(cd "$(dirname "$0")" && pwd)"
lessons="$here/../assets/lessons"
work="$(mktemp -d)"
trap 'rm -rf "$work"; [[ -n "${xvfb:-}" ]] && kill "$xvfb" 2>/dev/null || true' EXIT
py=/usr/bin/python3
if [[ -z "${DISPLAY:-}" ]]; then
  Xvfb :97 -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
  export DISPLAY=:97; sleep 1
fi

echo "== listing 1000 runs"
"$genlab" train "$lessons/gmm_three_blobs.json" --steps 200 --set tol=0 --out "$work/seed-run" --quiet 2>/dev/null
mkdir -p "$work/many"
for i in $(seq 1000); do cp -r "$work/seed-run" "$work/many/run-$i"; done
for round in 1 2 3; do
  /usr/bin/time -f "round $round: %e s wall, %M KiB peak" "$genlab" runs list "$work/many" --json > "$work/list.json"
done
$py -c 'import json,sys; print(len(json.load(open(sys.argv[1]))), "runs listed")' "$work/list.json"

echo "== moving the global step on two recorded VAE runs (2-D Fashion-MNIST lesson)"
for beta in 1 4; do
  "$genlab" train "$lessons/vae_fashion_2d.json" --steps 3000 --set beta=$beta --out "$work/vae-b$beta" --quiet 2>/dev/null
done
"$build/bench/genlab_run_replay_bench" "$work/vae-b1" "$work/vae-b4" --moves 40

echo "== memory of an opened run: 300 against 30000 GMM steps"
for steps in 300 30000; do
  "$genlab" train "$lessons/gmm_three_blobs.json" --steps $steps --set tol=0 --set max_iter=1000000 \
    --out "$work/gmm-$steps" --quiet 2>/dev/null
  /usr/bin/time -f "$steps steps: %M KiB peak" "$genlab" --open "$work/gmm-$steps" --frames 5 \
    --width 1280 --height 800 --screenshot "$work/m.png"
  du -sh "$work/gmm-$steps/checkpoints" "$work/gmm-$steps/metrics.csv"
done

echo "== frame times, compare mode with two trainers (GMM, tol=0) at 1280x800"
for round in 1 2 3; do
  "$genlab" --lesson "$lessons/gmm_three_blobs.json" --set tol=0 --set max_iter=1000000 \
    --compare-with k=5 --play --frames 300 --width 1280 --height 800 --report-frames "$work/f.json"
  $py -c 'import json,sys; r=json.load(open(sys.argv[1])); print("round", sys.argv[2], {k: round(r[k],1) for k in ("median","p95","max")})' "$work/f.json" $round
done
echo "== frame times, compare mode with two trainers (VAE 2-D Fashion-MNIST, beta 1 against 4)"
"$genlab" --lesson "$lessons/vae_fashion_2d.json" --compare-with beta=4 --play --frames 300 \
  --width 1280 --height 800 --report-frames "$work/f.json"
$py -c 'import json,sys; r=json.load(open(sys.argv[1])); print({k: round(r[k],1) for k in ("median","p95","max")})' "$work/f.json"
