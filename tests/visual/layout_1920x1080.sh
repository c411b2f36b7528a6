#!/usr/bin/env bash
# Every lesson at 1920x1080, normal and presentation mode: readable views, no cut or
# overlapping labels (lib/layout_sizes.bash).
set -euo pipefail
source "$(dirname "$0")/lib/layout_sizes.bash"
check_layout_at 1920 1080 "$1"
