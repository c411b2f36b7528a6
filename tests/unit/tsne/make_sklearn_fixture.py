#!/usr/bin/env python3
"""Writes the fixture of tsne_sklearn_test.cpp: 400 of scikit-learn's handwritten digits (8x8,
values 0..16, bundled with scikit-learn) and scikit-learn's Barnes-Hut t-SNE embedding of them.

The C++ test embeds the same points with genlab's t-SNE and compares the exact KL divergence of
both embeddings under genlab's P (the same kNN affinities for both), so neither side is judged
by its own approximation of Z.

Usage: /usr/bin/python3 tests/unit/tsne/make_sklearn_fixture.py tests/data/tsne
Files: digits400.csv (400 rows of 64 integers), sklearn_embedding.csv (400 rows "y1,y2"),
sklearn_kl.txt (scikit-learn's own reported kl_divergence_, for reference).
"""
import os
import sys

import numpy as np
import sklearn
from sklearn.datasets import load_digits
from sklearn.manifold import TSNE


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    x = load_digits().data[:400].astype(np.float64)
    tsne = TSNE(n_components=2, perplexity=30.0, early_exaggeration=12.0, learning_rate="auto",
                n_iter=1000, init="pca", method="barnes_hut", angle=0.5, random_state=0)
    y = tsne.fit_transform(x)
    np.savetxt(os.path.join(out, "digits400.csv"), x, fmt="%d", delimiter=",")
    np.savetxt(os.path.join(out, "sklearn_embedding.csv"), y, fmt="%.9g", delimiter=",")
    with open(os.path.join(out, "sklearn_kl.txt"), "w") as f:
        f.write(f"{tsne.kl_divergence_:.9g}  # scikit-learn {sklearn.__version__}, "
                f"{tsne.n_iter_} iterations, Barnes-Hut estimate of Z\n")


if __name__ == "__main__":
    main()
