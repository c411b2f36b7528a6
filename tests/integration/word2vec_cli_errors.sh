#!/bin/bash
# `genlab fit word2vec` and `genlab word2vec` on bad input: exit non-zero with one line on stderr
# naming the file or option. Usage: bash word2vec_cli_errors.sh /path/to/genlab
set -uo pipefail
genlab="${1:?usage: word2vec_cli_errors.sh /path/to/genlab}"
corpora="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../assets/corpora" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

command=()
source "$(dirname "${BASH_SOURCE[0]}")/lib/expect_error.bash"

fit=(fit word2vec --out "$work/v.txt")
good="$corpora/fruit_and_juice.txt"
printf 'caf\xe9 au lait\nsecond line\n' >"$work/latin1.txt"
printf 'only only only\nrare\n' >"$work/one_word.txt"
expect_error "no_such.txt: cannot open file" "${fit[@]}" --corpus "$work/no_such.txt"
expect_error "latin1.txt:1: not UTF-8 text (byte 0xE9 at column 4)" "${fit[@]}" \
  --corpus "$work/latin1.txt"
expect_error "one_word.txt: 1 distinct word(s) occur at least --min-count 2 times" "${fit[@]}" \
  --corpus "$work/one_word.txt" --min-count 2
expect_error "$work: is a folder, not a file" "${fit[@]}" --corpus "$work"
expect_error "no_dir/v.txt: cannot write file (no folder" fit word2vec --corpus "$good" \
  --out "$work/no_dir/v.txt"
expect_error "--dim: 0 is out of range" "${fit[@]}" --corpus "$good" --dim 0
expect_error "--sample: -1 is out of range [0, 1]" "${fit[@]}" --corpus "$good" --sample -1
expect_error "--alpha: nan is out of range" "${fit[@]}" --corpus "$good" --alpha nan
expect_error "--sg, --cbow: give one of them" "${fit[@]}" --corpus "$good" --sg --cbow
expect_error "--window: 0 is out of range [1, 1000]" "${fit[@]}" --corpus "$good" --window 0
[ -e "$work/v.txt" ] && { echo "FAIL: a failed fit left $work/v.txt"; failures=$((failures + 1)); }

printf '2 3\napple 1 2 3\npear 1 2\n' >"$work/short.txt"
expect_error "short.txt:3: expected a word and 3 values, found 2 values" \
  word2vec neighbours "$work/short.txt" apple
if "$genlab" "${fit[@]}" --corpus "$good" --min-count 1 --epochs 1 --dim 8 >/dev/null 2>&1; then
  expect_error "v.txt: word \"durian\" is not in the vocabulary" \
    word2vec neighbours "$work/v.txt" durian
  expect_error "--top: 0 must be at least 1" word2vec analogy "$work/v.txt" apple pear juice --top 0
else
  echo "FAIL: fit on $good"
  failures=$((failures + 1))
fi

exit $((failures > 0))
