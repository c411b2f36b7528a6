#!/bin/bash
# `genlab sweep` on bad input: refused before any run starts, exit non-zero with one line on
# stderr naming the key, value or path. Usage: bash sweep_cli_errors.sh /path/to/genlab
set -uo pipefail
genlab="${1:?usage: sweep_cli_errors.sh /path/to/genlab}"
lessons="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../assets/lessons" && pwd)"
work="$(mktemp -d)"
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
failures=0
command=(sweep)
source "$(dirname "${BASH_SOURCE[0]}")/lib/expect_error.bash"
blobs="$lessons/gmm_three_blobs.json"

expect_error "--grid kk=2: $blobs: settings.kk: unknown key" "$blobs" --grid kk=2,3 --out "$work/a"
expect_error "--grid k=0:" "$blobs" --grid k=2,0 --out "$work/a"
expect_error "--grid covariance=round:" "$blobs" --grid covariance=full,round --out "$work/a"
expect_error "--grid k=abc:" "$blobs" --grid k=abc --out "$work/a"
expect_error "--grid k: an empty value" "$blobs" --grid k=2,,3 --out "$work/a"
expect_error "--grid k: the key is given twice" "$blobs" --grid k=2 --grid k=3 --out "$work/a"
expect_error "sweep: give at least one --grid" "$blobs" --out "$work/a"
expect_error "--seeds: 0 must be at least 1" "$blobs" --grid k=2 --seeds 0 --out "$work/a"
expect_error "--jobs: 0 must be at least 1" "$blobs" --grid k=2 --jobs 0 --out "$work/a"
touch "$work/file"
expect_error "$work/file/sweep: cannot create the sweep folder" "$blobs" --grid k=2 --out "$work/file/sweep"
mkdir "$work/readonly" && chmod a-w "$work/readonly"
if [ "$(id -u)" -ne 0 ]; then  # root writes anywhere
  expect_error "$work/readonly/sweep: cannot create the sweep folder" "$blobs" --grid k=2 --out "$work/readonly/sweep"
fi
expect_error "$work/no-such-folder/x.sbatch: cannot write the Slurm script" "$blobs" --grid k=2 \
  --out "$work/b" --slurm "$work/no-such-folder/x.sbatch"
expect_error "--resume: give the sweep folder with --out DIR" --resume
mkdir "$work/empty"
expect_error "$work/empty: not a sweep folder (no sweep.json)" --resume --out "$work/empty"
expect_error "$work/empty: not a sweep folder (no sweep.json)" --summary "$work/empty"
# Nothing ran: no run folder anywhere under the scratch folder.
if [ -n "$(find "$work" -name run.json)" ]; then
  echo "FAIL: a refused sweep left a run folder"
  failures=$((failures + 1))
fi

# An existing sweep is not overwritten, and --resume with another grid is refused.
if "$genlab" sweep "$blobs" --grid k=2 --steps 2 --out "$work/done" >/dev/null 2>&1; then
  expect_error "$work/done: already holds a sweep; add --resume" "$blobs" --grid k=2 --out "$work/done"
  expect_error "$work/done/sweep.json: holds a different sweep" "$blobs" --grid k=3 --resume --out "$work/done"
else
  echo "FAIL: a good sweep failed"
  failures=$((failures + 1))
fi
exit $((failures > 0))
