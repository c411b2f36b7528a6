#!/usr/bin/env python3
"""Writes assets/corpora/fortunes_wordnet_pairs.txt, the held-out similarity pairs of the
"word2vec on fortunes" lesson: every WordNet synonym pair (score 1) of words seen 20 times or
more in the fortunes corpus, and as many random pairs of the same words (score 0), chosen as
tests/integration/word2vec_vs_gensim.py chooses them. Spearman of cosine against the score is
then the synonym measure docs/WORD2VEC.md reports.

Usage: make_fortunes_pairs.py OUT.txt   (needs fortunes, fortunes-min and wordnet-base)"""
import collections
import os
import random
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import word2vec_text  # noqa: E402


def main(out):
    with tempfile.TemporaryDirectory() as work:
        corpus = os.path.join(work, "corpus.txt")
        name = word2vec_text.write_corpus(corpus)
        counts = collections.Counter(w for s in word2vec_text.tokenise(corpus) for w in s)
    vocabulary = {w for w, c in counts.items() if c >= 20}
    pairs = word2vec_text.synonym_pairs(vocabulary)
    rng = random.Random(0)
    words = [w for pair in pairs for w in pair]
    randoms = [tuple(rng.sample(words, 2)) for _ in pairs]
    with open(out, "w") as f:
        f.write(f"# {len(pairs)} WordNet 3.0 synonym pairs (1) of words seen 20+ times in {name},\n")
        f.write("# and as many random pairs of the same words (0); tests/integration/lib/"
                "make_fortunes_pairs.py\n")
        for a, b in pairs:
            f.write(f"{a} {b} 1\n")
        for a, b in randoms:
            f.write(f"{a} {b} 0\n")
    print(f"{out}: {len(pairs)} synonym pairs, {len(randoms)} random pairs")


if __name__ == "__main__":
    main(sys.argv[1])
