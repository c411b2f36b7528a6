#!/usr/bin/env bash
# Every lesson at 1280x800, normal and presentation mode: readable views, no cut or
# overlapping labels (lib/layout_sizes.bash).
set -euo pipefail
source "$(dirname "$0")/lib/layout_sizes.bash"
check_layout_at 1280 800 "$1"
