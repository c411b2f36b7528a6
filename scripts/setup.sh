#!/usr/bin/env bash
# Installs what genlab needs from Debian 12's packages, and only what is missing.
# Used by scripts/lab and scripts/test; safe to run again. Needs root or sudo for apt-get.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config git ccache
  # the fuzz preset: libFuzzer comes with clang's runtime libraries
  clang-14 libclang-rt-14-dev
  # libraries (all found through find_package or pkg-config; nothing is downloaded)
  libeigen3-dev libtorch-dev nlohmann-json3-dev libcli11-dev libstb-dev zlib1g-dev
  libimgui-dev libglfw3-dev libgl-dev libgl1-mesa-dri libgif-dev
  # file dialogs and the image clipboard (ui/desktop only)
  qt6-base-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  # BLAS: LibTorch is ~20x faster on OpenBLAS than on reference BLAS, and the OpenMP build
  # with passive waits is what keeps the UI smooth (see core/platform/threading.h).
  libopenblas0-openmp libopenblas-dev
  # data and fonts (fortunes and wordnet-base: the word2vec corpus and synonym pairs)
  dataset-fashion-mnist fonts-dejavu-core fortunes fortunes-min wordnet-base
  # a display for the visual tests and screenshots on machines without one, and real key
  # presses (XTEST) for the keyboard test, and pasting for the clipboard test
  xvfb xauth x11-utils xdotool xclip
  # the peers the tests and benchmarks compare against
  python3 python3-numpy python3-pil python3-sklearn python3-torch python3-pomegranate
  python3-gensim
  # a single-node Slurm cluster for the sweep test that submits a job array for real
  # (tests/integration/sweep_slurm_cluster.sh: no munge, no cgroups)
  slurm-wlm
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "genlab setup: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "genlab setup: need root or sudo to install packages" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
