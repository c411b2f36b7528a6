#!/bin/bash
# How much slower the VAE trains while the lab renders its views (the issue: at most 15%).
# The same lesson and steps, the same trainer thread count, three ways:
#   headless  genlab train LESSON --steps N                    (no snapshots are ever taken)
#   lab       genlab --lesson LESSON --steps N --frames 2      (scripted: the lab draws every
#             view as fast as it can while the N steps run; the views rebuild from snapshots)
# minus each one's start-up (the same command with --steps 1: loading the data, the window).
# Needs a display (e.g. Xvfb :81 & DISPLAY=:81).
# Usage: bench/vae_lab_overhead.sh BUILD_DIR [lesson=assets/lessons/vae_fashion_2d.json]
#                                  [steps=2000] [threads=1]
set -euo pipefail
build="${1:?usage: vae_lab_overhead.sh BUILD_DIR [lesson] [steps] [threads]}"
lesson="${2:-assets/lessons/vae_fashion_2d.json}"
steps="${3:-2000}"
threads="${4:-1}"
genlab="$build/app/genlab"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
export GENLAB_THREADS="$threads"
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N);
            echo "$end - $start" | bc -l; }
headless() { seconds "$genlab" train "$lesson" --steps "$1" --quiet --out "$out/run-$1-$RANDOM"; }
lab() { seconds "$genlab" --lesson "$lesson" --steps "$1" --frames 2 --exit --width 1600 --height 900; }
h1=$(headless 1); hn=$(headless "$steps")
l1=$(lab 1); ln=$(lab "$steps")
/usr/bin/python3 - "$h1" "$hn" "$l1" "$ln" "$steps" "$threads" "$lesson" <<'PY'
import sys
h1, hn, l1, ln = map(float, sys.argv[1:5]); steps, threads, lesson = sys.argv[5], sys.argv[6], sys.argv[7]
h, l = hn - h1, ln - l1
print(f"{lesson}: {steps} steps, {threads} trainer thread(s)")
print(f"headless {h:.2f} s ({float(steps) / h:.0f} steps/s), lab rendering {l:.2f} s "
      f"({float(steps) / l:.0f} steps/s): the lab trains {100 * (l / h - 1):+.1f}%")
PY
