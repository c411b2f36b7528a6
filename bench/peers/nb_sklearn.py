#!/usr/bin/env python3
"""Times scikit-learn's GaussianNB and BernoulliNB(binarize=0.5) on Fashion-MNIST (the 60000
training images as u8 / 255 in float64): fit, and predict_proba on the same images; the peer of
bench/nb_bench.cpp. Writes a JSON list of {"kind", "fit_ms", "predict_ms", "mean_log_px"}, each
time the fastest of --repeats.

Run with the same BLAS as genlab:
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 nb_sklearn.py ...
"""
import argparse
import gzip
import json
import time

import numpy as np
from scipy.special import logsumexp
from sklearn.naive_bayes import BernoulliNB, GaussianNB

DIR = "/usr/share/datasets/fashion-mnist"


def read_idx(path, offset):
    with gzip.open(path) as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    X = read_idx(f"{DIR}/train-images-idx3-ubyte.gz", 16).reshape(-1, 784) / 255.0
    y = read_idx(f"{DIR}/train-labels-idx1-ubyte.gz", 8).astype(np.int64)
    rows = []
    for kind, make in [("gaussian", GaussianNB), ("bernoulli", lambda: BernoulliNB(binarize=0.5))]:
        fit_ms, predict_ms = [], []
        for _ in range(args.repeats):
            model = make()
            start = time.perf_counter()
            model.fit(X, y)
            fit_ms.append(1e3 * (time.perf_counter() - start))
            start = time.perf_counter()
            model.predict_proba(X)
            predict_ms.append(1e3 * (time.perf_counter() - start))
        mean_log_px = float(np.mean(logsumexp(model.predict_joint_log_proba(X), axis=1)))
        rows.append({"kind": kind, "fit_ms": min(fit_ms), "predict_ms": min(predict_ms),
                     "mean_log_px": mean_log_px})
    with open(args.out, "w") as f:
        json.dump(rows, f)


if __name__ == "__main__":
    main()
