#!/usr/bin/env bash
# genlab leaderboard: the JSON board on the digits (every figure labelled, sorted, bits per
# pixel consistent) and one-line refusals of bad options.
set -euo pipefail
genlab="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! "$genlab" leaderboard --models independent,naive_bayes,bernoulli_mixture --components 4 \
  --json > "$work/board.json" 2> "$work/board.err"; then
  grep -q "not installed" "$work/board.err" && { cat "$work/board.err"; exit 77; }
  cat "$work/board.err"
  exit 1
fi
/usr/bin/python3 - "$work/board.json" <<'PY'
import json, math, sys
board = json.load(open(sys.argv[1]))
rows = board["entries"]
assert [r["model"] for r in rows] == sorted([r["model"] for r in rows], key=lambda m: next(x["nats_per_image"] for x in rows if x["model"] == m)), rows
assert {r["model"] for r in rows} == {"independent", "naive_bayes", "bernoulli_mixture"}, rows
assert all(r["kind"] == "exact" for r in rows), rows
assert board["test_images"] == 297 and board["pixels"] == 64, board
for r in rows:
    assert abs(r["bits_per_pixel"] - r["nats_per_image"] / math.log(2) / 64) < 1e-12, r
ind = next(r for r in rows if r["model"] == "independent")["nats_per_image"]
mix = next(r for r in rows if r["model"] == "bernoulli_mixture")["nats_per_image"]
assert mix < ind - 1, (mix, ind)
print("board ok:", [(r["model"], round(r["nats_per_image"], 3)) for r in rows])
PY

failures=0
expect_error() {  # expect_error "what the message must contain" args...
  local want="$1"
  shift
  if "$genlab" leaderboard "$@" > "$work/out" 2> "$work/err"; then
    echo "FAIL: accepted: leaderboard $*"
    failures=$((failures + 1))
  elif ! grep -q -- "$want" "$work/err" || [[ $(wc -l < "$work/err") -gt 2 ]]; then
    echo "FAIL: leaderboard $*: expected one line naming '$want', got:"
    cat "$work/err"
    failures=$((failures + 1))
  fi
}
expect_error 'unknown model "nope"' --models independent,nope
expect_error '--binarize' --binarize grey
expect_error '--test-data' --data "$work/missing-idx3-ubyte"
expect_error '--components' --components 0
expect_error '--iw-samples' --iw-samples 0
((failures == 0)) || exit 1
echo "leaderboard cli: ok"
