#!/usr/bin/env bash
# `genlab train` on the tiny word2vec lesson, straight to 300 steps and again stopped at 150 then
# resumed from its run folder to 300: the metrics after the resume (loss, alpha, similarity; not
# the timings) and the vectors of the last checkpoint must be the same bit for bit. A resume that
# lost the random stream's state, the position inside a sentence or the loss average fails.
set -euo pipefail
genlab="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
lesson="$(cd "$(dirname "$0")/../../assets/lessons" && pwd)/word2vec_one_update.json"

"$genlab" train "$lesson" --steps 300 --out "$work/straight" --quiet
"$genlab" train "$lesson" --steps 150 --out "$work/resumed" --quiet
"$genlab" train --resume "$work/resumed" --steps 300 --quiet

/usr/bin/python3 - "$work/straight" "$work/resumed" <<'PY'
import csv, glob, sys
a, b = sys.argv[1], sys.argv[2]
def rows(run):
    with open(f"{run}/metrics.csv") as f:
        return {int(r["step"]): r for r in csv.DictReader(f)}
ra, rb = rows(a), rows(b)
assert sorted(ra) == list(range(1, 301)), sorted(ra)[:5]
assert sorted(rb) == list(range(1, 301)), sorted(rb)[:5]
for step in range(151, 301):
    for column in ("loss", "alpha", "similarity"):
        assert ra[step][column] == rb[step][column], (step, column, ra[step][column], rb[step][column])
def vectors(run):
    last = sorted(glob.glob(f"{run}/checkpoints/*.w2v"))[-1]
    data = open(last, "rb").read()
    header = data.index(b"\n", data.index(b"\n") + 1)  # after the magic line and the length
    length = int(data[data.index(b"\n") + 1:header])
    return last.rsplit("/", 1)[1], data[header + 1 + length:]
name_a, va = vectors(a)
name_b, vb = vectors(b)
assert name_a == name_b, (name_a, name_b)
assert va == vb and len(va) == 2 * 31 * 10 * 4, (len(va), len(vb))
print(f"resumed at 150: steps 151-300 and {name_a}'s vectors equal the straight run's bit for bit")
PY
