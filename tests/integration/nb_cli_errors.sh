#!/bin/bash
# `genlab fit nb` on bad input: exit non-zero with one line on stderr naming the file and line
# (or the option); and string labels come back as the --predict header in sorted order.
# Usage: bash nb_cli_errors.sh /path/to/genlab
set -uo pipefail
genlab="${1:?usage: nb_cli_errors.sh /path/to/genlab}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

command=(fit nb)
source "$(dirname "${BASH_SOURCE[0]}")/lib/expect_error.bash"

printf 'a,b\n1,0\n0,1\n\n1,1\n' >"$work/X.csv"
printf 'dog\ncat\ndog\n' >"$work/y.csv"
printf 'dog\ncat\n' >"$work/short.csv"
printf 'dog\ncat\ndog\nemu\n' >"$work/long.csv"
printf '1,0\n2,-3\n' >"$work/negative.csv"
printf '1,0\n0.5,1\n' >"$work/grey.csv"
printf '1,0,1\n' >"$work/wide.csv"
printf '1,nan\n' >"$work/nan.csv"

expect_error "$work/X.csv:5: data row 3 has no label" \
  --data "$work/X.csv" --labels "$work/short.csv"
expect_error "$work/long.csv:4: label 4 has no data row" \
  --data "$work/X.csv" --labels "$work/long.csv"
expect_error "$work/negative.csv:2: column 2 is -3, a negative count" \
  --kind multinomial --data "$work/X.csv" --labels "$work/y.csv" --predict "$work/negative.csv"
expect_error "$work/grey.csv:2: column 1 is 0.5, not 0 or 1 (--binarize none" \
  --kind bernoulli --binarize none --data "$work/X.csv" --labels "$work/y.csv" \
  --predict "$work/grey.csv"
expect_error "$work/wide.csv:1: 3 columns, the model was fitted on 2" \
  --data "$work/X.csv" --labels "$work/y.csv" --predict "$work/wide.csv"
expect_error "$work/nan.csv:1:3: \"nan\" is not finite" --data "$work/nan.csv" --labels "$work/y.csv"
expect_error "--kind: \"poisson\" is not one of" --kind poisson --data "$work/X.csv" \
  --labels "$work/y.csv"
expect_error "--alpha: -1 must be a finite number >= 0" --kind bernoulli --alpha -1 \
  --data "$work/X.csv" --labels "$work/y.csv"
expect_error "--binarize: \"half\" is not a number" --kind bernoulli --binarize half \
  --data "$work/X.csv" --labels "$work/y.csv"
expect_error "--data and --labels: both required" --data "$work/X.csv"

# Classes in sorted order, whatever order they first appear in: cat before dog.
if "$genlab" fit nb --kind bernoulli --data "$work/X.csv" --labels "$work/y.csv" \
  --predict "$work/X.csv" >"$work/proba.csv"; then
  if [ "$(head -1 "$work/proba.csv")" != "cat,dog" ] || [ "$(wc -l <"$work/proba.csv")" -ne 4 ]; then
    echo "FAIL: --predict output: $(cat "$work/proba.csv")"
    failures=$((failures + 1))
  fi
else
  echo "FAIL: fit on good data failed"
  failures=$((failures + 1))
fi
exit $((failures > 0))
