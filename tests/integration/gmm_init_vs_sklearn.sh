#!/bin/bash
# genlab fit gmm's starts (--init kmeans, kmeans++, random_from_data) against scikit-learn's, from
# the same seed means: see gmm_init_vs_sklearn.py. Usage: bash gmm_init_vs_sklearn.sh genlab
# Exits 77 (ctest SKIP_RETURN_CODE) when /usr/bin/python3 has no scikit-learn. Under the
# sanitizers (GENLAB_SANITIZE set) it checks random_state 0 only.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/sklearn_check.bash"
run_sklearn_check "$here/gmm_init_vs_sklearn.py" "${1:?usage: gmm_init_vs_sklearn.sh genlab}" \
  ${GENLAB_SANITIZE:+--quick}
