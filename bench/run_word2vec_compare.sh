#!/usr/bin/env bash
# genlab's word2vec against gensim 4.2 (its compiled routines) with the same settings on the
# fortunes corpus (430k words, 7617 of them seen 5 times or more): corpus words trained per
# second (after min-count, over all epochs, training alone: reading and counting excluded on both
# sides), skip-gram and CBOW, 1 and 2 threads.
#
#   bench/run_word2vec_compare.sh BUILD_DIR [ROUNDS]
#
# Settings: dim 100, window 5, negative 5, min-count 5, sample 1e-3, 5 epochs (gensim's
# defaults). The sides alternate for ROUNDS rounds (default 3): genlab, gensim, genlab, gensim,
# ... within each configuration, and each side keeps its fastest round. gensim's "threads" are
# its worker threads; it also runs a thread that feeds them sentences. About 3 minutes.
set -euo pipefail
build=${1:?usage: run_word2vec_compare.sh BUILD_DIR [ROUNDS]}
rounds=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
genlab="$build/app/genlab"
[ -x "$genlab" ] || { echo "run_word2vec_compare.sh: $genlab not built" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$here/peer_env.sh"

/usr/bin/python3 - "$work/corpus.txt" <<PY
import sys
sys.path.insert(0, "$here/../tests/integration/lib")
import word2vec_text
print("corpus:", word2vec_text.write_corpus(sys.argv[1]), file=sys.stderr)
PY
for round in $(seq "$rounds"); do
  echo "== round $round of $rounds" >&2
  for arch in sg cbow; do
    for threads in 1 2; do
      line=$("$genlab" fit word2vec --corpus "$work/corpus.txt" --out "$work/v.txt" "--$arch" \
        --threads "$threads" 2>/dev/null)
      seconds=$(sed -E 's/.*\(training ([0-9.]+) s.*/\1/' <<<"$line")
      words=$(sed -E 's/.* epochs? of ([0-9]+) words.*/\1/' <<<"$line")
      echo "{\"side\": \"genlab\", \"arch\": \"$arch\", \"threads\": $threads," \
        "\"seconds\": $seconds, \"words\": $words, \"epochs\": 5}" >>"$work/results.jsonl"
      peer /usr/bin/python3 "$here/peers/word2vec_gensim.py" "$work/corpus.txt" "$arch" \
        "$threads" | sed 's/^{/{"side": "gensim", /' >>"$work/results.jsonl"
    done
  done
done

/usr/bin/python3 - "$work/results.jsonl" "$rounds" <<'PY'
import json, sys
best, words = {}, {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    key = (r["side"], r["arch"], r["threads"])
    best[key] = min(best.get(key, float("inf")), r["seconds"])
    words[key] = r["words"] * r["epochs"]
print(f"fastest of {sys.argv[2]} alternating rounds; words/s = corpus words after min-count x "
      "epochs / training seconds")
print(f"{'model':<10}{'threads':>8}{'genlab words/s':>16}{'gensim words/s':>16}{'genlab/gensim':>15}")
for arch in ("sg", "cbow"):
    for threads in (1, 2):
        g = words[("genlab", arch, threads)] / best[("genlab", arch, threads)]
        p = words[("gensim", arch, threads)] / best[("gensim", arch, threads)]
        if words[("genlab", arch, threads)] != words[("gensim", arch, threads)]:
            print(f"  (word counts differ: {words[('genlab', arch, threads)]} vs "
                  f"{words[('gensim', arch, threads)]})")
        name = "skip-gram" if arch == "sg" else "CBOW"
        print(f"{name:<10}{threads:>8}{g:>16,.0f}{p:>16,.0f}{g / p:>14.2f}x")
PY
