#!/bin/bash
# `genlab fit gmm` on bad input: exit non-zero with one line on stderr naming the problem; and
# on good input: JSON with the documented keys. Usage: bash gmm_cli_errors.sh /path/to/genlab
set -uo pipefail
genlab="${1:?usage: gmm_cli_errors.sh /path/to/genlab}"
data="$(cd "$(dirname "${BASH_SOURCE[0]}")/../data" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

command=(fit gmm)
source "$(dirname "${BASH_SOURCE[0]}")/lib/expect_error.bash"

expect_error "points_text_cell.csv:3:3:" --data "$data/points_text_cell.csv" --k 2
expect_error "points_ragged.csv:3:5:" --data "$data/points_ragged.csv" --k 2
expect_error "no_such.csv: cannot open file" --data "$work/no_such.csv" --k 2
expect_error "--k: 0 is out of range [1, 64]" --data "$data/points_header.csv" --k 0
expect_error "--cov:" --data "$data/points_header.csv" --k 1 --cov round
expect_error "--reg-covar:" --data "$data/points_header.csv" --k 1 --reg-covar -1
expect_error "--k: 5 components need at least as many data points" \
  --data "$data/points_header.csv" --k 5

printf '1,2\n2,1\n3,4\n4,3\n10,10\n11,10\n10,11\n' >"$work/points.csv"
if "$genlab" fit gmm --data "$work/points.csv" --k 1:2 --json --seed 3 >"$work/fit.json"; then
  for key in weights means covariances log_likelihood mean_log_likelihood n_iter converged bic aic; do
    if [ "$(grep -o "\"$key\"" "$work/fit.json" | wc -l)" -ne 2 ]; then
      echo "FAIL: key $key not in both fits: $(cat "$work/fit.json")"
      failures=$((failures + 1))
    fi
  done
else
  echo "FAIL: fit on good data failed"
  failures=$((failures + 1))
fi
exit $((failures > 0))
