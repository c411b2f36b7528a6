#!/bin/bash
# genlab fit gmm against scikit-learn's GaussianMixture from the same starting parameters, for
# every covariance type: the total log-likelihood must agree to 1e-6 (relative) after the same
# number of EM iterations, and the means too. Usage: bash gmm_vs_sklearn.sh /path/to/genlab
# Exits 77 (ctest SKIP_RETURN_CODE) when /usr/bin/python3 has no scikit-learn.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/sklearn_check.bash"
run_sklearn_check "$here/gmm_vs_sklearn.py" "${1:?usage: gmm_vs_sklearn.sh /path/to/genlab}"
