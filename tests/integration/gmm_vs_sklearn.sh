#!/bin/bash
# genlab fit gmm against scikit-learn's GaussianMixture from the same starting parameters, for
# every covariance type: the total log-likelihood must agree to 1e-6 (relative) after the same
# number of EM iterations, and the means too. Usage: bash gmm_vs_sklearn.sh /path/to/genlab
# Exits 77 (ctest SKIP_RETURN_CODE) when /usr/bin/python3 has no scikit-learn.
set -euo pipefail
genlab="${1:?usage: gmm_vs_sklearn.sh /path/to/genlab}"
python=/usr/bin/python3
if ! "$python" -c "import sklearn, numpy" 2>/dev/null; then
  echo "SKIP: $python cannot import scikit-learn and numpy"
  exit 77
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The same BLAS as genlab's executables, so both sides round alike.
LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp \
  "$python" "$here/gmm_vs_sklearn.py" --genlab "$genlab" --work "$work"
