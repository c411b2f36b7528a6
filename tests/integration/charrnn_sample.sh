#!/usr/bin/env bash
# genlab sample: a char-LSTM trained by `genlab train` on the one-sentence lesson recites the
# sentence at temperature 0 from its last checkpoint; a seed replays a temperature-1 sample and
# another seed changes it; a prime character outside the text, a run of another model and a
# folder that is not a run are refused with a message that names them.
set -euo pipefail
genlab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
lessons="$here/../../assets/lessons"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$genlab" train "$lessons/charrnn_tiny.json" --steps 300 --out "$work/tiny" --quiet

# 1. Overfitted: the likeliest continuation is the sentence itself.
got="$("$genlab" sample "$work/tiny" --temperature 0 --prime "the cat" --length 24)"
[[ "$got" == "the cat sat on the mat. the cat" ]] || fail "temperature 0 gave \"$got\""

# 2. Seeds: the same seed replays, another draws another text (temperature 3 flattens the odds).
a="$("$genlab" sample "$work/tiny" --temperature 3 --length 80 --seed 4)"
b="$("$genlab" sample "$work/tiny" --temperature 3 --length 80 --seed 4)"
c="$("$genlab" sample "$work/tiny" --temperature 3 --length 80 --seed 5)"
[[ "$a" == "$b" ]] || fail "the same seed gave two samples"
[[ "$a" != "$c" ]] || fail "two seeds gave the same sample"
[[ ${#a} -eq 80 ]] || fail "expected 80 characters, got ${#a}: \"$a\""

# 3. Errors name what is wrong.
expect_error() {  # pattern command...
  local pattern="$1"; shift
  if out="$("$@" 2>&1)"; then fail "no error from: $*"; fi
  [[ "$out" == *"$pattern"* ]] || fail "expected \"$pattern\" in: $out"
}
expect_error 'character 5 ("d", U+0064) is not in' \
  "$genlab" sample "$work/tiny" --prime "the dog"
"$genlab" train "$lessons/gmm_three_blobs.json" --steps 2 --out "$work/gmm" --quiet
expect_error 'is a run of the "gmm" model' "$genlab" sample "$work/gmm"
mkdir -p "$work/empty"
expect_error "is not a run folder" "$genlab" sample "$work/empty"
echo "charrnn_sample: ok"
