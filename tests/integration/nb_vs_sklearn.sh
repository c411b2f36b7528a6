#!/bin/bash
# genlab fit nb against scikit-learn's GaussianNB, BernoulliNB and MultinomialNB: the class
# probabilities of --predict must equal predict_proba to 1e-10 (relative), on the digits and on
# random data built to exercise the variance-smoothing rule, alpha and string labels.
# Usage: bash nb_vs_sklearn.sh /path/to/genlab. Exits 77 when /usr/bin/python3 has no
# scikit-learn.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/sklearn_check.bash"
run_sklearn_check "$here/nb_vs_sklearn.py" "${1:?usage: nb_vs_sklearn.sh /path/to/genlab}"
