#!/usr/bin/env python3
"""scikit-learn's Barnes-Hut TSNE, the peer of bench/tsne_bench.cpp.

  tsne_sklearn.py make-data OUT.f64 [N]   writes the shared points once: N (default 10000)
      Fashion-MNIST training images (Debian's dataset-fashion-mnist) reduced to 50 dimensions by
      PCA (float64, row-major, N x 50); without the package, scikit-learn's digits with noise.
  tsne_sklearn.py run DATA.f64 EMBEDDING.f64 [PERPLEXITY]   embeds them (threads: OMP_NUM_THREADS)
      and prints one JSON line: seconds (fit_transform, everything included, wall clock),
      cpu_seconds (the process's CPU time over the same span), kl (scikit-learn's
      own Barnes-Hut figure), iterations.
"""
import gzip
import json
import os
import sys
import time

import numpy as np

FASHION = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"
DIM = 50


def make_data(out, n):
    from sklearn.decomposition import PCA
    if os.path.exists(FASHION):
        with gzip.open(FASHION, "rb") as f:
            raw = np.frombuffer(f.read(), dtype=np.uint8, offset=16)
        x = raw.reshape(-1, 784)[:n].astype(np.float64) / 255.0
        source = f"Fashion-MNIST, first {n} training images"
    else:
        from sklearn.datasets import load_digits
        digits = load_digits().data
        rng = np.random.default_rng(0)
        x = digits[rng.integers(0, len(digits), n)] + rng.normal(0, 1.0, (n, 64))
        source = f"{n} scikit-learn digits with N(0,1) noise"
    y = PCA(n_components=DIM, svd_solver="full").fit_transform(x)
    np.ascontiguousarray(y, dtype=np.float64).tofile(out)
    print(f"data: {source}, PCA to {DIM} dimensions -> {out}", file=sys.stderr)


def run(data, out, perplexity):
    from sklearn.manifold import TSNE
    x = np.fromfile(data, dtype=np.float64).reshape(-1, DIM)
    tsne = TSNE(n_components=2, perplexity=perplexity, early_exaggeration=12.0,
                learning_rate="auto", n_iter=1000, init="pca", method="barnes_hut", angle=0.5,
                random_state=0)
    start, cpu = time.perf_counter(), time.process_time()
    y = tsne.fit_transform(x)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    np.ascontiguousarray(y, dtype=np.float64).tofile(out)
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "kl": float(tsne.kl_divergence_),
                      "iterations": int(tsne.n_iter_) + 1}))


if __name__ == "__main__":
    if sys.argv[1] == "make-data":
        make_data(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 10000)
    elif sys.argv[1] == "run":
        run(sys.argv[2], sys.argv[3], float(sys.argv[4]) if len(sys.argv) > 4 else 30.0)
    else:
        sys.exit(__doc__)
