#!/bin/bash
# genlab fit gmm's starts (--init kmeans, kmeans++, random_from_data) against scikit-learn's, from
# the same seed means: see gmm_init_vs_sklearn.py. Usage: bash gmm_init_vs_sklearn.sh genlab
# Exits 77 (ctest SKIP_RETURN_CODE) when /usr/bin/python3 has no scikit-learn.
set -euo pipefail
genlab="${1:?usage: gmm_init_vs_sklearn.sh /path/to/genlab}"
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
  "$python" "$here/gmm_init_vs_sklearn.py" --genlab "$genlab" --work "$work" \
  ${GENLAB_SANITIZE:+--quick}
