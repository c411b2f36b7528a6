#!/usr/bin/env python3
"""Times one EM iteration (E-step + M-step) of scikit-learn's GaussianMixture, the peer of
bench/gmm_bench.cpp. For each case it generates the data and the starting parameters from a
seed, writes them to --data-dir (so the C++ bench runs on the very same numbers), and times
gm._e_step + gm._m_step on a GaussianMixture initialised with those parameters.

Files per case "N_d_K": N_d_K.f64 (the N x d data, float64, row-major) and N_d_K.json
({"weights", "means", "covariances"}: full d x d matrices, genlab's --init-params format).

Run with the same BLAS as genlab:
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 gmm_sklearn.py ...
"""
import argparse
import json
import os
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture

DEFAULT_CASES = "100000,2,5;1000000,2,10;100000,32,16;100000,50,50"


def make_case(n, d, k, seed):
    """K blobs with centres N(0, 4^2 I) and unit covariance; start from perturbed centres."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(0.0, 4.0, size=(k, d))
    labels = rng.integers(0, k, size=n)
    x = centres[labels] + rng.normal(size=(n, d))
    means = centres + rng.normal(0.0, 0.5, size=(k, d))
    weights = np.full(k, 1.0 / k)
    covariances = np.repeat(np.eye(d)[None, :, :] * 1.5, k, axis=0)
    return np.ascontiguousarray(x), weights, means, covariances


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", default=DEFAULT_CASES, help="N,d,K;N,d,K;...")
    parser.add_argument("--data-dir", required=True, help="where to write data and parameters")
    parser.add_argument("--repeats", type=int, default=5, help="timed iterations per case")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", help="write the timings as JSON here")
    args = parser.parse_args()

    results = []
    for case in args.cases.split(";"):
        n, d, k = (int(v) for v in case.split(","))
        x, weights, means, covariances = make_case(n, d, k, args.seed)
        name = f"{n}_{d}_{k}"
        x.astype("<f8").tofile(os.path.join(args.data_dir, name + ".f64"))
        with open(os.path.join(args.data_dir, name + ".json"), "w") as f:
            json.dump({"weights": weights.tolist(), "means": means.tolist(),
                       "covariances": covariances.tolist()}, f)

        precisions = np.linalg.inv(covariances)
        gm = GaussianMixture(n_components=k, covariance_type="full", weights_init=weights,
                             means_init=means, precisions_init=precisions, max_iter=1, tol=0,
                             reg_covar=1e-6)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            gm.fit(x[: max(k * 10, 1000)])  # sets up every attribute; parameters reset below
        gm.weights_ = weights.copy()
        gm.means_ = means.copy()
        gm.precisions_cholesky_ = np.linalg.cholesky(precisions)

        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            _, log_resp = gm._e_step(x)
            gm._m_step(x, log_resp)
            times.append(time.perf_counter() - start)
        best = min(times)
        results.append({"n": n, "d": d, "k": k, "ms_per_iter": best * 1e3,
                        "median_ms": float(np.median(times)) * 1e3})
        print(f"sklearn N={n} d={d} K={k}: {best * 1e3:.1f} ms/iter (best of {args.repeats})",
              flush=True)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
