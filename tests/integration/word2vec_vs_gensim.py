#!/usr/bin/env python3
"""`genlab fit word2vec` against gensim 4's Word2Vec with the same settings, one thread each.

Checks that genlab's file loads in gensim (KeyedVectors.load_word2vec_format), that both have the
same vocabulary, and that genlab's vectors are as good as gensim's. RNGs differ, so the vectors
cannot be equal; instead each measure is compared with how much gensim itself moves when only its
seed changes:
  - synonyms: the Spearman correlation between "is a WordNet synonym pair" (1) or "a random pair
    of the same words" (0) and the pair's cosine. genlab must reach the lower of two gensim seeds'
    correlations minus a tolerance of max(0.03, 2 x the gap between those two seeds);
  - agreement: the Spearman correlation of cosines over 3000 random pairs of the 1000 most frequent
    words, genlab's against gensim's (seed 1), must be at least 0.85 x gensim seed 2's against
    gensim seed 1 (two equally good models of the same corpus agree about as well as two seeds).
Under the sanitizers (GENLAB_SANITIZE set) only the small teaching corpus, one epoch, and the
loading and vocabulary checks run."""
import argparse
import os
import random
import subprocess
import sys

import numpy as np
from gensim.models import KeyedVectors, Word2Vec
from scipy.stats import spearmanr

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import word2vec_text  # noqa: E402

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def fit_genlab(genlab, corpus, out, sg, settings):
    args = [genlab, "fit", "word2vec", "--corpus", corpus, "--out", out,
            "--sg" if sg else "--cbow", "--threads", "1"]
    for key, value in settings.items():
        args += [f"--{key.replace('_', '-')}", str(value)]
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"FAIL: genlab exited {result.returncode}: {result.stderr}")
    print("genlab:", result.stdout.strip())
    return KeyedVectors.load_word2vec_format(out, binary=False)


def fit_gensim(sentences, sg, settings, seed):
    model = Word2Vec(sentences, sg=sg, workers=1, seed=seed, vector_size=settings["dim"],
                     window=settings["window"], negative=settings["negative"],
                     min_count=settings["min_count"], sample=settings["sample"],
                     epochs=settings["epochs"], alpha=settings["alpha"],
                     min_alpha=settings["min_alpha"], hs=0)
    return model.wv


def synonym_score(kv, pairs, randoms):
    labels = [1] * len(pairs) + [0] * len(randoms)
    cosines = [kv.similarity(a, b) for a, b in pairs + randoms]
    return spearmanr(labels, cosines).correlation


def agreement(kv1, kv2, pairs):
    return spearmanr([kv1.similarity(a, b) for a, b in pairs],
                     [kv2.similarity(a, b) for a, b in pairs]).correlation


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--genlab", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    quick = bool(os.environ.get("GENLAB_SANITIZE"))
    settings = dict(dim=50, window=5, negative=5, min_count=5, sample=1e-3, epochs=5,
                    alpha=0.025, min_alpha=0.0001, seed=1)
    if quick:
        corpus = os.path.join(SOURCE, "assets/corpora/king_and_queen.txt")
        settings.update(dim=10, min_count=1, epochs=1)
        name = "king_and_queen"
    else:
        corpus = os.path.join(args.work, "corpus.txt")
        name = word2vec_text.write_corpus(corpus)
    sentences = word2vec_text.tokenise(corpus)
    print(f"corpus: {name}, {sum(map(len, sentences))} words, {len(sentences)} sentences")
    gensim_settings = {k: v for k, v in settings.items() if k != "seed"}

    failures = []
    for sg in (1, 0) if not quick else (1,):
        label = "skip-gram" if sg else "CBOW"
        ours = fit_genlab(args.genlab, corpus, os.path.join(args.work, f"ours_{sg}.txt"), sg,
                          settings)
        theirs = fit_gensim(sentences, sg, gensim_settings, seed=1)
        if set(ours.index_to_key) != set(theirs.index_to_key):
            only = set(ours.index_to_key) ^ set(theirs.index_to_key)
            failures.append(f"{label}: vocabularies differ in {len(only)} words, e.g. "
                            f"{sorted(only)[:5]}")
            continue
        counts = [theirs.get_vecattr(w, "count") for w in ours.index_to_key]
        if any(a < b for a, b in zip(counts, counts[1:])):
            failures.append(f"{label}: genlab's words are not in order of falling count")
        if ours.vector_size != settings["dim"] or not np.all(np.isfinite(ours.vectors)):
            failures.append(f"{label}: vectors of the wrong size or not finite")
        print(f"{label}: {len(ours)} words load in gensim, same vocabulary as gensim's")
        if quick:
            continue

        # Words seen 20 times or more: rarer ones' vectors are mostly noise in either program.
        vocabulary = {w for w in ours.index_to_key if theirs.get_vecattr(w, "count") >= 20}
        pairs = word2vec_text.synonym_pairs(vocabulary)
        if len(pairs) < 100:
            print(f"SKIP: {len(pairs)} WordNet synonym pairs in the vocabulary (wordnet-base?)")
            sys.exit(77)
        rng = random.Random(0)
        words = [w for pair in pairs for w in pair]
        randoms = [tuple(rng.sample(words, 2)) for _ in pairs]
        frequent = ours.index_to_key[:1000]
        common = [tuple(rng.sample(frequent, 2)) for _ in range(3000)]

        second = fit_gensim(sentences, sg, gensim_settings, seed=2)
        ours_score = synonym_score(ours, pairs, randoms)
        scores = [synonym_score(theirs, pairs, randoms), synonym_score(second, pairs, randoms)]
        tolerance = max(0.02, 2 * abs(scores[0] - scores[1]))
        print(f"{label}: synonym Spearman over {len(pairs)} WordNet pairs and as many random "
              f"pairs: genlab {ours_score:.4f}, gensim seeds 1 and 2 {scores[0]:.4f} "
              f"{scores[1]:.4f} (tolerance {tolerance:.4f})")
        if ours_score < min(scores) - tolerance:
            failures.append(f"{label}: synonym correlation {ours_score:.4f} below gensim's "
                            f"{min(scores):.4f} - {tolerance:.4f}")
        ours_agree, seeds_agree = agreement(ours, theirs, common), agreement(second, theirs, common)
        print(f"{label}: agreement with gensim seed 1 (Spearman of 3000 cosines): genlab "
              f"{ours_agree:.4f}, gensim seed 2 {seeds_agree:.4f}")
        if ours_agree < 0.85 * seeds_agree:
            failures.append(f"{label}: agreement {ours_agree:.4f} below 0.85 x {seeds_agree:.4f}")

    for failure in failures:
        print("FAIL:", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
