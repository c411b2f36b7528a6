#!/bin/bash
# `genlab fit rbm` on bad input: exit non-zero with one line on stderr naming the file and line
# (or the option, or the model JSON's key).
# Usage: bash rbm_cli_errors.sh /path/to/genlab
set -uo pipefail
genlab="${1:?usage: rbm_cli_errors.sh /path/to/genlab}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

command=(fit rbm)
source "$(dirname "${BASH_SOURCE[0]}")/lib/expect_error.bash"

printf 'a,b,c\n1,0,1\n0,1,1\n\n1,1,0\n' >"$work/X.csv"
printf '1,0,1\n0,0.5,1\n' >"$work/grey.csv"
printf '1,0\n' >"$work/narrow.csv"
printf '{"weights": [[1, 2], [3, 4], [5, 6]], "visible_bias": [0, 0], "hidden_bias": [0, 0]}' \
  >"$work/short_bias.json"
printf '{"weights": [[1, 2], [3], [5, 6]], "visible_bias": [0, 0, 0], "hidden_bias": [0, 0]}' \
  >"$work/ragged.json"
printf '{"weights": [[1, 2], [3, 4]], "visible_bias": [0, 0], "hidden_bias": [0, 0]}' \
  >"$work/two_visible.json"

expect_error "$work/grey.csv:2: column 2 is 0.5, not 0 or 1 (give --binarize T" \
  --data "$work/grey.csv" --hidden 2
expect_error "$work/narrow.csv:1: 2 columns, expected 3" \
  --data "$work/X.csv" --hidden 2 --test "$work/narrow.csv"
expect_error "$work/short_bias.json: visible_bias: 2 entries, weights has 3 rows" \
  --data "$work/X.csv" --init "$work/short_bias.json"
expect_error "$work/ragged.json: weights[1]: has 1 entries, expected 2" \
  --data "$work/X.csv" --init "$work/ragged.json"
expect_error "$work/two_visible.json: weights has 2 rows, $work/X.csv has 3 columns" \
  --data "$work/X.csv" --init "$work/two_visible.json"
expect_error "--cd and --pcd: choose one" --data "$work/X.csv" --hidden 2 --cd 2 --pcd
expect_error "--hidden: required" --data "$work/X.csv"
expect_error "--data: required" --hidden 2
expect_error "--binarize: \"half\" is not a number" --data "$work/X.csv" --hidden 2 --binarize half
expect_error "--lr: must be a finite number > 0" --data "$work/X.csv" --hidden 2 --lr 0
expect_error "--ais-runs: at least 2" --data "$work/X.csv" --hidden 2 --ais-runs 1

# Grey values are fine with --binarize.
if ! "$genlab" fit rbm --data "$work/grey.csv" --binarize 0.25 --hidden 2 --epochs 1 \
  >"$work/out" 2>"$work/err"; then
  echo "FAIL: --binarize 0.25 on grey data: $(cat "$work/err")"
  failures=$((failures + 1))
fi
exit $((failures > 0))
