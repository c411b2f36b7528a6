#!/usr/bin/env python3
"""Runs scikit-learn's GaussianMixture and `genlab fit gmm` from the same data and starting
parameters, for each covariance type, and checks they agree after the same number of
iterations. Called by gmm_vs_sklearn.sh; exits non-zero on the first disagreement."""
import argparse
import json
import os
import subprocess
import sys
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture

REL_TOL = 1e-6
REG_COVAR = 1e-6


def start_parameters(rng, cov_type, centres):
    """Starting weights, means (near the true centres, so that no component starts with no
    points: genlab re-seeds such a component, scikit-learn keeps it) and covariances shaped
    for `cov_type`; returns sklearn's precisions_init and genlab's full matrices."""
    k, d = centres.shape
    weights = rng.dirichlet(np.full(k, 5.0))
    means = centres + rng.normal(0.0, 1.0, size=(k, d))
    if cov_type == "full":
        covs = []
        for _ in range(k):
            a = rng.normal(size=(d, d))
            covs.append(a @ a.T / d + np.eye(d))
        covs = np.array(covs)
        precisions = np.linalg.inv(covs)
    elif cov_type == "tied":
        a = rng.normal(size=(d, d))
        cov = a @ a.T / d + np.eye(d)
        covs = np.repeat(cov[None], k, axis=0)
        precisions = np.linalg.inv(cov)
    elif cov_type == "diag":
        var = rng.uniform(0.5, 2.0, size=(k, d))
        covs = np.array([np.diag(v) for v in var])
        precisions = 1.0 / var
    else:  # spherical
        var = rng.uniform(0.5, 2.0, size=k)
        covs = np.array([np.eye(d) * v for v in var])
        precisions = 1.0 / var
    return weights, means, covs, precisions


def make_data(rng, k, d, n):
    centres = rng.normal(0.0, 4.0, size=(k, d))
    labels = rng.integers(0, k, size=n)
    scales = rng.uniform(0.5, 1.5, size=(k, d))
    return centres[labels] + rng.normal(size=(n, d)) * scales[labels], centres


def check_case(args, cov_type, k, d, n, iterations, seed):
    rng = np.random.default_rng(seed)
    x, centres = make_data(rng, k, d, n)
    weights, means, covs, precisions = start_parameters(rng, cov_type, centres)
    name = f"{cov_type}_k{k}_d{d}_it{iterations}"
    data_file = os.path.join(args.work, name + ".csv")
    init_file = os.path.join(args.work, name + ".json")
    np.savetxt(data_file, x, delimiter=",", fmt="%.17g")
    with open(init_file, "w") as f:
        json.dump({"weights": weights.tolist(), "means": means.tolist(),
                   "covariances": covs.tolist()}, f)

    gm = GaussianMixture(n_components=k, covariance_type=cov_type, weights_init=weights,
                         means_init=means, precisions_init=precisions, max_iter=iterations,
                         tol=0, reg_covar=REG_COVAR, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        gm.fit(x)
    sk_total = gm.score(x) * n

    out = subprocess.run(
        [args.genlab, "fit", "gmm", "--data", data_file, "--init-params", init_file,
         "--cov", cov_type, "--max-iter", str(iterations), "--tol", "0",
         "--reg-covar", repr(REG_COVAR), "--json"],
        check=True, capture_output=True, text=True)
    fit = json.loads(out.stdout)

    failures = []
    ll = fit["log_likelihood"]
    if abs(ll - sk_total) > REL_TOL * abs(sk_total):
        failures.append(f"log-likelihood {ll!r} vs scikit-learn {sk_total!r}")
    if fit["n_iter"] != gm.n_iter_:
        failures.append(f"n_iter {fit['n_iter']} vs scikit-learn {gm.n_iter_}")
    mean_err = np.max(np.abs(np.array(fit["means"]) - gm.means_))
    if mean_err > REL_TOL * max(1.0, np.max(np.abs(gm.means_))):
        failures.append(f"means differ by {mean_err:.3g}")
    weight_err = np.max(np.abs(np.array(fit["weights"]) - gm.weights_))
    if weight_err > REL_TOL:
        failures.append(f"weights differ by {weight_err:.3g}")
    status = "FAIL" if failures else "ok"
    print(f"{status:4} {name}: genlab {ll:.10g}, scikit-learn {sk_total:.10g}, "
          f"means max diff {mean_err:.2g}")
    for failure in failures:
        print("     " + failure)
    return not failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--genlab", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    ok = True
    seed = 10
    for cov_type in ("full", "diag", "spherical", "tied"):
        # d = 10 takes the BLAS kernels (d >= 8), the others the small-dimension loops.
        for k, d, n, iterations in ((3, 2, 400, 1), (3, 2, 400, 25), (4, 5, 600, 10),
                                    (5, 10, 3000, 8)):
            seed += 1
            ok = check_case(args, cov_type, k, d, n, iterations, seed) and ok
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
