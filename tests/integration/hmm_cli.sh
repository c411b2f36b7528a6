#!/usr/bin/env bash
# `genlab fit hmm` then `genlab decode hmm` on a sampled dishonest-casino sequence: the JSON
# shapes, decode's log-likelihood equal to fit's on the same data, and one-line errors.
#   bash hmm_cli.sh /path/to/genlab      (exit 77: skipped)
set -uo pipefail
genlab=${1:?usage: hmm_cli.sh /path/to/genlab}
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3
[ -x "$py" ] || py=python3
[ -x "$genlab" ] || { echo "skipped: $genlab not built"; exit 77; }
if ! "$genlab" fit hmm --help > /dev/null 2>&1; then
  echo "skipped: this genlab has no 'fit hmm' subcommand registered"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

T=600
"$py" "$here/hmm_sample_casino.py" "$work/rolls.txt" $T 7 || fail "sampling"
"$genlab" fit hmm --data "$work/rolls.txt" --states 2 --seed 3 --max-iter 300 --json \
  --out "$work/model.json" > "$work/fit.json" || fail "fit hmm exited $?"
# Faces 1..6 are integer ids, so the alphabet is 0..6 (M = 7; symbol 0 never occurs).
"$genlab" decode hmm --model "$work/fit.json" --data "$work/rolls.txt" --json \
  > "$work/decode.json" || fail "decode hmm exited $?"
"$py" "$here/hmm_check_json.py" "$work/fit.json" "$work/decode.json" $T 2 7 || fail "JSON check"
# The plain model file (--out) decodes to the same log-likelihood.
"$genlab" decode hmm --model "$work/model.json" --data "$work/rolls.txt" --json \
  > "$work/decode2.json" || fail "decode with --out model"
"$py" "$here/hmm_check_json.py" "$work/fit.json" "$work/decode2.json" $T 2 7 || fail "--out model"

# Errors: non-zero exit, exactly one line on stderr, naming the place.
expect_error() {  # expect_error FRAGMENT COMMAND...
  local fragment=$1
  shift
  if "$@" > "$work/out" 2> "$work/err"; then fail "no error from: $*"; fi
  [ "$(wc -l < "$work/err")" -eq 1 ] || fail "stderr is not one line: $(cat "$work/err")"
  grep -qF -- "$fragment" "$work/err" || fail "stderr lacks '$fragment': $(cat "$work/err")"
}
printf '1\n2\n9\n' > "$work/bad_symbol.txt"
expect_error "bad_symbol.txt:3: symbol 9 is outside the alphabet [0, 7)" \
  "$genlab" decode hmm --model "$work/model.json" --data "$work/bad_symbol.txt"
"$py" - "$work/model.json" "$work/bad_model.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
m["transition"][1] = [0.5, 0.4]
json.dump(m, open(sys.argv[2], "w"))
PY
expect_error "model.transition[1]: sums to 0.9" \
  "$genlab" decode hmm --model "$work/bad_model.json" --data "$work/rolls.txt"
: > "$work/empty.txt"
expect_error "empty.txt:1: the file is empty" \
  "$genlab" fit hmm --data "$work/empty.txt" --states 2
printf '0.5\nabc\n' > "$work/text.csv"
expect_error "text.csv:2: column 1: \"abc\" is not a number" \
  "$genlab" fit hmm --data "$work/text.csv" --states 2 --emission gaussian
echo "hmm_cli: ok"
