#!/usr/bin/env bash
# The bad-input table (docs/BAD_INPUT.md), tried for real: each kind of bad input a person can
# hand genlab, run through the command that reads it. Every answer must be a message (a
# non-zero exit, no crash, no stack trace) that names the file and, where one applies, the line
# or the key. With GENLAB_BAD_INPUT_TABLE=FILE set, each case's message is also written there as
# "case<TAB>message", which is where the document's table comes from.
set -uo pipefail
genlab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
data="$here/../data"
lessons="$here/../../assets/lessons"
py=/usr/bin/python3
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
table="${GENLAB_BAD_INPUT_TABLE:-/dev/null}"
failures=0

# expect NAME NEEDLE... -- COMMAND...: the command must fail with a message containing every
# needle (fixed strings), and nothing that looks like a crash.
expect() {
  local name="$1"; shift
  local needles=()
  while [[ "$1" != "--" ]]; do needles+=("$1"); shift; done
  shift
  "$@" >"$work/out" 2>"$work/err"
  local code=$?
  local message
  message="$(grep -v "^\s*$" "$work/err" | head -n 4 | tr '\n' ' ' | sed 's/ *$//')"
  [[ -z "$message" ]] && message="$(tail -n 3 "$work/out" | tr '\n' ' ')"
  printf '%s\t%s\n' "$name" "${message//$work\//}" >>"$table"
  local ok=1
  if [[ $code -eq 0 ]]; then echo "FAIL [$name]: exit 0" >&2; ok=0; fi
  if [[ $code -ge 128 ]] || grep -q "terminate called\|Aborted\|Segmentation\|frame #\|AddressSanitizer" "$work/err"; then
    echo "FAIL [$name]: crashed (exit $code)" >&2; ok=0
  fi
  for needle in "${needles[@]}"; do
    grep -qiF -- "$needle" "$work/err" "$work/out" || { echo "FAIL [$name]: no '$needle' in: $message" >&2; ok=0; }
  done
  [[ $ok -eq 1 ]] && echo "ok   [$name] $message" || failures=$((failures + 1))
}

# --- data files -----------------------------------------------------------------------------
expect "CSV: a text cell" "points_text_cell.csv:" -- "$genlab" fit gmm --data "$data/points_text_cell.csv" --k 2
expect "CSV: NaN in the data" "points_nan.csv:" -- "$genlab" fit gmm --data "$data/points_nan.csv" --k 2
expect "CSV: Inf in the data" "points_inf.csv:" -- "$genlab" fit gmm --data "$data/points_inf.csv" --k 2
expect "CSV: a short row" "points_short_row.csv:" -- "$genlab" fit gmm --data "$data/points_short_row.csv" --k 2
expect "CSV: an empty file" "points_empty.csv" -- "$genlab" fit gmm --data "$data/points_empty.csv" --k 2
expect "CSV: no such file" "missing.csv" -- "$genlab" fit gmm --data "$work/missing.csv" --k 2
expect "sequence CSV: a ragged row" "hmm_ragged.csv" -- "$genlab" fit hmm --data "$data/hmm_ragged.csv" --states 2 --emission gaussian

# IDX: a truncated image file and one with a wrong magic number, through a lesson that reads them.
$py - "$work" <<'PY'
import struct, sys
w = sys.argv[1]
def images(n, body):
    return struct.pack(">IIII", 0x803, n, 28, 28) + body
def labels(n):
    return struct.pack(">II", 0x801, n) + bytes(n)
open(w + "/truncated-images", "wb").write(images(100, bytes(28 * 28 * 10)))
open(w + "/labels", "wb").write(labels(100))
open(w + "/magic-images", "wb").write(struct.pack(">IIII", 0x1234, 100, 28, 28) + bytes(28 * 28 * 100))
PY
lesson_with_idx() {  # NAME IMAGES: a VAE lesson reading IMAGES as its training and test set
  $py - "$lessons/vae_fashion_2d.json" "$work/$1.json" "$work/$2" "$work/labels" <<'PY'
import json, sys
lesson = json.load(open(sys.argv[1]))
lesson["dataset"] = {"kind": "idx", "train_images": sys.argv[3], "train_labels": sys.argv[4],
                     "test_images": sys.argv[3], "test_labels": sys.argv[4]}
json.dump(lesson, open(sys.argv[2], "w"))
PY
}
lesson_with_idx idx_truncated truncated-images
lesson_with_idx idx_magic magic-images
expect "IDX: truncated images" "truncated-images" "truncated" -- "$genlab" train "$work/idx_truncated.json" --steps 1 --out "$work/r1" --quiet
expect "IDX: not an IDX file" "magic-images" "magic" -- "$genlab" train "$work/idx_magic.json" --steps 1 --out "$work/r2" --quiet

# --- lessons and settings -------------------------------------------------------------------
printf '{\n  "title": "broken",\n  "model": "gmm"\n  "dataset": {}\n}\n' >"$work/broken.json"
expect "lesson JSON: a syntax error" "broken.json:4" -- "$genlab" train "$work/broken.json" --steps 1 --out "$work/r3" --quiet
expect "lesson: a value out of range" "gmm_three_blobs.json" "k" -- "$genlab" train "$lessons/gmm_three_blobs.json" --set k=0 --steps 1 --out "$work/r4" --quiet
expect "lesson: an unknown setting" "gmm_three_blobs.json" "colour" -- "$genlab" train "$lessons/gmm_three_blobs.json" --set colour=red --steps 1 --out "$work/r5" --quiet
$py - "$lessons/gmm_three_blobs.json" "$work/unknown_model.json" <<'PY'
import json, sys
lesson = json.load(open(sys.argv[1])); lesson["model"] = "transformer"
json.dump(lesson, open(sys.argv[2], "w"))
PY
expect "lesson: an unknown model" "unknown_model.json" "transformer" -- "$genlab" train "$work/unknown_model.json" --steps 1 --out "$work/r6" --quiet

# --- model files ----------------------------------------------------------------------------
printf '{"emission": "discrete", "start": [0.5, 0.5], "transition": [[0.9, 0.1], [0.2]], "emission_probs": [[0.5, 0.5], [0.5, 0.5]]}\n' >"$work/hmm_model.json"
printf '0 1 0 1 1\n' >"$work/seq.txt"
expect "HMM model JSON: a ragged matrix" "hmm_model.json" "transition" -- "$genlab" decode hmm --model "$work/hmm_model.json" --data "$work/seq.txt"
printf '{"emission": "discrete", "start": [0.5, 0.5], "transition": [[0.9, 0.1], [0.2, 0.8]], "emission_probs": [[0.5, -0.5], [0.5, 0.5]]}\n' >"$work/hmm_negative.json"
expect "HMM model JSON: a negative probability" "hmm_negative.json" "emission_probs" -- "$genlab" decode hmm --model "$work/hmm_negative.json" --data "$work/seq.txt"
printf '{"weights": [0.5, 0.5], "means": [[0, 0], [1, 1]], "covariances": [[[1, 0], [0, 1]]]}\n' >"$work/gmm_params.json"
expect "GMM parameters JSON: a missing covariance" "gmm_params.json" "covariances" -- "$genlab" fit gmm --data "$data/points_header.csv" --k 2 --init-params "$work/gmm_params.json"

# --- run folders ----------------------------------------------------------------------------
mkdir -p "$work/not_a_run"
expect "run folder: no run.json" "not_a_run" "run.json" -- "$genlab" runs show "$work/not_a_run"
"$genlab" train "$lessons/gmm_three_blobs.json" --steps 5 --set tol=0 --out "$work/good" --quiet 2>/dev/null
cp -r "$work/good" "$work/cut_json"
head -c 100 "$work/good/run.json" >"$work/cut_json/run.json"
expect "run folder: run.json cut short" "cut_json/run.json" -- "$genlab" runs show "$work/cut_json"
cp -r "$work/good" "$work/bad_checkpoint"
for f in "$work/bad_checkpoint"/checkpoints/*; do printf 'not a checkpoint' >"$f"; done
expect "run folder: every checkpoint corrupt" "bad_checkpoint/checkpoints/" -- "$genlab" train --resume "$work/bad_checkpoint" --steps 8 --quiet

# A process killed mid-run (kill -9): the folder still says "running"; genlab sees the pid gone.
"$genlab" train "$lessons/gmm_three_blobs.json" --steps 1000000 --set tol=0 --set max_iter=1000000 \
  --out "$work/killed" --quiet 2>/dev/null &
victim=$!
for _ in $(seq 100); do [[ -s "$work/killed/metrics.csv" ]] && break; sleep 0.1; done
sleep 0.5
kill -9 "$victim"; wait "$victim" 2>/dev/null
"$genlab" runs show "$work/killed" >"$work/out" 2>&1
printf '%s\t%s\n' "run folder: its process killed" "$(grep -i "status" "$work/out" | head -n 1 | sed 's/^ *//')" >>"$table"
if grep -qi "process is gone" "$work/out"; then
  echo "ok   [run folder: its process killed] $(grep -i status "$work/out" | head -n 1)"
else
  echo "FAIL [run folder: its process killed]: runs show does not say the process is gone" >&2
  cat "$work/out" >&2
  failures=$((failures + 1))
fi

# --- binary images, labels and Boltzmann machines ---------------------------------------------
printf '1,0,1,0\n0,1,0.5,1\n1,1,0,0\n' >"$work/grey_cell.csv"
expect "binary CSV: a grey value where 0/1 is needed" "grey_cell.csv:2" -- "$genlab" fit rbm --data "$work/grey_cell.csv" --hidden 2 --epochs 1
printf '1,0\n0,1\n1,1\n0,0\n' >"$work/nb_points.csv"
printf 'a\nb\na\n' >"$work/labels_short.csv"
expect "Naive Bayes: a label file of the wrong length" "labels_short.csv" -- "$genlab" fit nb --data "$work/nb_points.csv" --labels "$work/labels_short.csv" --kind gaussian
printf '1,0,1,0\n0,1,0,1\n1,1,0,0\n' >"$work/binary4.csv"
printf '{"weights": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], "visible_bias": [0, 0, 0], "hidden_bias": [0, 0]}\n' >"$work/rbm_model.json"
expect "RBM model JSON: weights of the wrong shape" "rbm_model.json" -- "$genlab" fit rbm --data "$work/binary4.csv" --init "$work/rbm_model.json" --epochs 0
$py - "$lessons/rbm_dreaming_digits.json" "$work/rbm_grey.json" <<'PY'
import json, sys
lesson = json.load(open(sys.argv[1]))
lesson["dataset"].pop("binarize", None)  # grey digits where the RBM needs 0/1
json.dump(lesson, open(sys.argv[2], "w"))
PY
expect "lesson: grey images for a binary model" "rbm_grey.json" "binarize" -- "$genlab" train "$work/rbm_grey.json" --steps 1 --out "$work/r8" --quiet

# --- too large for memory -------------------------------------------------------------------
$py - "$lessons/hmm_casino.json" "$work/huge_hmm.json" <<'PY'
import json, sys
lesson = json.load(open(sys.argv[1])); lesson["dataset"]["length"] = 10000000
json.dump(lesson, open(sys.argv[2], "w"))
PY
expect "lesson too large for memory" "huge_hmm.json" "dataset.length" "at most" -- env GENLAB_MEMORY_AVAILABLE=1G "$genlab" train "$work/huge_hmm.json" --set states=64 --steps 1 --out "$work/r7" --quiet
[[ -e "$work/r7" ]] && { echo "FAIL: the refused lesson left a run folder" >&2; failures=$((failures + 1)); }
$py -c "
import random
random.seed(1)
with open('$work/big.csv', 'w') as f:
    for i in range(200000): f.write('%.6f,%.6f\n' % (random.random(), random.random()))
"
expect "data file too large for memory" "big.csv" "MemAvailable" -- env GENLAB_MEMORY_AVAILABLE=16M "$genlab" fit gmm --data "$work/big.csv" --k 2

if [[ $failures -gt 0 ]]; then echo "$failures bad-input answers were wrong" >&2; exit 1; fi
echo "every bad input got a message naming its file"
