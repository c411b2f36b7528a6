#!/usr/bin/env bash
# genlab re-executes itself once so libgomp, which reads its environment before main(), sees
# OMP_WAIT_POLICY=PASSIVE with a short GOMP_SPINCOUNT; a user's own setting of either wins.
set -euo pipefail
genlab="$1"
fail() { echo "FAIL: $*" >&2; exit 1; }
report() { "$@" "$genlab" info --json | /usr/bin/python3 -c \
  'import json, sys; t = json.load(sys.stdin)["threads"]; print(t["omp_wait_policy"], t["gomp_spincount"])'; }

got=$(report env -u OMP_WAIT_POLICY -u GOMP_SPINCOUNT -u GENLAB_THREAD_ENV_SET)
[[ "$got" == "PASSIVE 20000" ]] || fail "unset environment: expected 'PASSIVE 20000', got '$got'"

got=$(report env -u GOMP_SPINCOUNT -u GENLAB_THREAD_ENV_SET OMP_WAIT_POLICY=ACTIVE)
[[ "$got" == "ACTIVE (runtime default for the wait policy)" ]] ||
  fail "a user's OMP_WAIT_POLICY=ACTIVE was not respected: got '$got'"

got=$(report env -u OMP_WAIT_POLICY -u GENLAB_THREAD_ENV_SET GOMP_SPINCOUNT=7)
[[ "$got" == "(runtime default: spin then sleep) 7" ]] ||
  fail "a user's GOMP_SPINCOUNT=7 was not respected: got '$got'"
echo "thread environment: ok"
