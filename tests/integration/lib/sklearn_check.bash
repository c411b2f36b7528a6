# Sourced by the integration tests that hold genlab to scikit-learn:
#   run_sklearn_check SCRIPT.py GENLAB [ARG...]
# runs /usr/bin/python3 SCRIPT.py --genlab GENLAB --work DIR [ARG...] in a fresh DIR with the
# same BLAS as genlab's executables, so both sides round alike. Exits 77 (ctest's skip code)
# when that Python cannot import scikit-learn and numpy.
run_sklearn_check() {
  local script=$1 genlab=$2
  shift 2
  local python=/usr/bin/python3
  if ! "$python" -c "import sklearn, numpy" 2>/dev/null; then
    echo "SKIP: $python cannot import scikit-learn and numpy"
    exit 77
  fi
  local work
  work="$(mktemp -d)"
  trap "rm -rf '$work'" EXIT
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp \
    "$python" "$script" --genlab "$genlab" --work "$work" "$@"
}
