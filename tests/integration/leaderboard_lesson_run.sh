#!/usr/bin/env bash
# The leaderboard lesson as a run folder: `genlab train` scores two models (one per step) and
# stops; `genlab train --resume` goes on from the checkpoint with the third. The finished board
# equals `genlab leaderboard` on the same models and seed, and the resumed run did not refit the
# first two models: their entries (train seconds included, which a refit would change) are
# carried over from the step-2 checkpoint unchanged.
set -euo pipefail
genlab="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[[ -e /usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz ]] ||
  { echo "no digits (python3-sklearn): skipped"; exit 77; }
lesson="$(cd "$(dirname "$0")/../../assets/lessons" && pwd)/leaderboard_digits.json"

"$genlab" train "$lesson" --set 'models=["independent","naive_bayes","bernoulli_mixture"]' \
  --steps 2 --out "$work/run" > "$work/first.log" 2>&1 || { cat "$work/first.log"; exit 1; }
"$genlab" train --resume "$work/run" --steps 5 > "$work/resume.log" 2>&1 ||
  { cat "$work/resume.log"; exit 1; }
grep -q "converged" "$work/resume.log" || { cat "$work/resume.log"; exit 1; }
"$genlab" leaderboard --models independent,naive_bayes,bernoulli_mixture --json \
  > "$work/board.json"
/usr/bin/python3 - "$work/run" "$work/board.json" <<'PY'
import json, os, sys
run, board = sys.argv[1], json.load(open(sys.argv[2]))
checkpoints = sorted(os.listdir(os.path.join(run, "checkpoints")))
load = lambda name: json.load(open(os.path.join(run, "checkpoints", name)))
second, last = load("step-00000002.json"), load(checkpoints[-1])
assert second["scored"] == 2 and len(second["entries"]) == 2, second
assert last["scored"] == 3 and len(last["entries"]) == 3, last
# Resuming carried the first two models over, byte for byte.
assert last["entries"][:2] == second["entries"], (last["entries"][:2], second["entries"])
# The finished board is the command line's.
lesson = sorted(last["entries"], key=lambda e: e["nats"])
cli = board["entries"]
assert [e["model"] for e in lesson] == [e["model"] for e in cli], (lesson, cli)
for a, b in zip(lesson, cli):
    assert a["nats"] == b["nats_per_image"] and a["kind"] == b["kind"], (a, b)
    assert len(a["samples"]) == 8 * 64, (a["model"], len(a["samples"]))
print("resumed board:", [(e["model"], round(e["nats"], 3)) for e in lesson])
PY
