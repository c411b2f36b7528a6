#!/bin/bash
# genlab fit word2vec against gensim's Word2Vec on the fortunes corpus (see the .py for the
# measures and tolerances). Usage: bash word2vec_vs_gensim.sh /path/to/genlab
# Exits 77 (ctest SKIP_RETURN_CODE) when /usr/bin/python3 has no gensim or scipy.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! /usr/bin/python3 -c "import gensim, scipy" 2>/dev/null; then
  echo "SKIP: /usr/bin/python3 cannot import gensim and scipy"
  exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$here/word2vec_vs_gensim.py" --genlab "${1:?usage: word2vec_vs_gensim.sh /path/to/genlab}" \
  --work "$work"
