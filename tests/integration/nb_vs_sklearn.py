#!/usr/bin/env python3
"""Fits scikit-learn's Naive Bayes classifiers and `genlab fit nb` to the same data and checks
that genlab's --predict probabilities equal predict_proba to REL_TOL, and that the fitted
parameters (--json) equal scikit-learn's. Called by nb_vs_sklearn.sh; exits non-zero on the
first disagreement."""
import argparse
import gzip
import json
import os
import subprocess
import sys
import warnings

import numpy as np
from sklearn.naive_bayes import BernoulliNB, GaussianNB, MultinomialNB

REL_TOL = 1e-10
DIGITS = "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz"


def write_csv(path, X):
    np.savetxt(path, X, delimiter=",", fmt="%.17g")


def write_labels(path, y):
    with open(path, "w") as f:
        f.writelines(f"{label}\n" for label in y)


def genlab(args, binary, work, X, y, X_test):
    write_csv(os.path.join(work, "X.csv"), X)
    write_labels(os.path.join(work, "y.csv"), y)
    write_csv(os.path.join(work, "test.csv"), X_test)
    base = [binary, "fit", "nb", "--data", os.path.join(work, "X.csv"),
            "--labels", os.path.join(work, "y.csv")] + args
    # One run gives the model and the probabilities (each start of genlab loads LibTorch).
    model = json.loads(subprocess.run(base + ["--json", "--predict", os.path.join(work, "test.csv")],
                                      check=True, capture_output=True, text=True).stdout)
    return model["classes"], np.array(model["predict_proba"]), model


def close(name, got, want):
    got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    if got.shape != want.shape:
        sys.exit(f"FAIL {name}: shape {got.shape}, scikit-learn {want.shape}")
    # Relative to each value, except where both sides are 0 (or -inf) exactly.
    same = (got == want)
    err = np.where(same, 0.0, np.abs(got - want) / np.maximum(np.abs(want), 1e-300))
    worst = np.unravel_index(np.argmax(err), err.shape) if err.size else ()
    if err.size and err[worst] > REL_TOL:
        sys.exit(f"FAIL {name}: relative error {err[worst]:.3g} at {worst}: genlab "
                 f"{got[worst]!r}, scikit-learn {want[worst]!r}")
    return float(err.max()) if err.size else 0.0


def check(name, binary, work, kind, sk, args, X, y, X_test, csv_too=False):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # alpha below 1e-10 is raised, with a warning
        sk.fit(X, y)
    header, proba, model = genlab(["--kind", kind] + args, binary, work, X, y, X_test)
    if header != [str(c) for c in sk.classes_]:
        sys.exit(f"FAIL {name}: classes {header}, scikit-learn {list(sk.classes_)}")
    worst = close(f"{name} predict_proba", proba, sk.predict_proba(X_test))
    close(f"{name} class_count", model["class_count"], sk.class_count_)
    if kind == "gaussian":
        close(f"{name} epsilon", model["epsilon"], sk.epsilon_)
        close(f"{name} theta", model["theta"], sk.theta_)
        close(f"{name} var", model["var"], sk.var_)
        close(f"{name} class_log_prior", model["class_log_prior"], np.log(sk.class_prior_))
    else:
        close(f"{name} feature_log_prob", model["feature_log_prob"], sk.feature_log_prob_)
        close(f"{name} class_log_prior", model["class_log_prior"], sk.class_log_prior_)
    # The marginal log p(x) is logsumexp of the joint, which scikit-learn exposes in 1.2.
    want_ll = np.mean(np.logaddexp.reduce(sk.predict_joint_log_proba(X), axis=1))
    close(f"{name} mean_log_likelihood", model["mean_log_likelihood"], want_ll)
    certain = np.mean(np.max(proba, axis=1) > 1 - 1e-12)
    # The CSV form of --predict carries the same numbers (%.17g) under a header of class names.
    if csv_too:
        out = subprocess.run([binary, "fit", "nb", "--kind", kind, "--data", f"{work}/X.csv",
                              "--labels", f"{work}/y.csv", "--predict", f"{work}/test.csv"]
                             + args, check=True, capture_output=True, text=True).stdout
        lines = out.splitlines()
        if lines[0] != ",".join(header) or not np.array_equal(
                np.array([[float(v) for v in line.split(",")] for line in lines[1:]]), proba):
            sys.exit(f"FAIL {name}: the CSV of --predict differs from its JSON")
    print(f"ok {name}: {len(X_test)} rows, worst relative error {worst:.2g} "
          f"({100 * certain:.0f}% of rows certain)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--genlab", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    g, work = args.genlab, args.work
    # Under sanitizers every start of genlab is slow: the digits cases only, one per kind.
    quick = bool(os.environ.get("GENLAB_SANITIZE"))
    rng = np.random.default_rng(12)

    # The digits, split in two halves: fit on one, predict the other.
    digits = np.loadtxt(gzip.open(DIGITS), delimiter=",")
    X, y = digits[:, :64], digits[:, 64].astype(int)
    order = rng.permutation(len(X))
    fit, test = order[: len(X) // 2], order[len(X) // 2:]
    # Constant pixels (the corners) make epsilon = 1e-9 * max variance the only variance some
    # classes have: most test rows end up certain, the rest test the rule.
    check("digits gaussian", g, work, "gaussian", GaussianNB(), [], X[fit], y[fit], X[test])
    if quick:
        check("binarised digits bernoulli", g, work, "bernoulli", BernoulliNB(), [],
              (X[fit] >= 8).astype(float), y[fit], (X[test] >= 8).astype(float), csv_too=True)
        check("digits multinomial", g, work, "multinomial", MultinomialNB(), [], X[fit], y[fit],
              X[test])
        return
    check("digits gaussian var_smoothing 0.05", g, work, "gaussian",
          GaussianNB(var_smoothing=0.05), ["--var-smoothing", "0.05"], X[fit], y[fit], X[test])
    binary = (X >= 8).astype(float)  # genlab's documented threshold binarisation
    check("binarised digits bernoulli", g, work, "bernoulli", BernoulliNB(), [],
          binary[fit], y[fit], binary[test], csv_too=True)
    check("digits bernoulli binarize 4 alpha 0.1", g, work, "bernoulli",
          BernoulliNB(binarize=4.0, alpha=0.1), ["--binarize", "4", "--alpha", "0.1"],
          X[fit], y[fit], X[test])
    check("digits multinomial", g, work, "multinomial", MultinomialNB(), [], X[fit], y[fit],
          X[test])
    check("digits multinomial alpha 0.01 uniform prior", g, work, "multinomial",
          MultinomialNB(alpha=0.01, fit_prior=False), ["--alpha", "0.01", "--uniform-prior"],
          X[fit], y[fit], X[test])

    # --dataset digits --pixels threshold binarises as documented: same probabilities as
    # scikit-learn on (digits >= 8) over all rows.
    sk = BernoulliNB().fit(binary, y)
    write_csv(os.path.join(work, "all.csv"), binary)
    out = subprocess.run([g, "fit", "nb", "--dataset", "digits", "--kind", "bernoulli",
                          "--predict", os.path.join(work, "all.csv")], check=True,
                         capture_output=True, text=True).stdout.splitlines()
    proba = np.array([[float(v) for v in line.split(",")] for line in out[1:]])
    close("--dataset digits", proba, sk.predict_proba(binary))
    print("ok --dataset digits --pixels threshold equals BernoulliNB on digits >= 8")

    # Random data: features whose variances span 1e-6..1e6 and one constant feature; string
    # labels, whose class order is sorted order, not order of appearance.
    n, d = 300, 6
    names = np.array(["zebra", "ant", "moth"])
    y = names[rng.integers(0, 3, size=n)]
    shift = {"zebra": 0.0, "ant": 1.0, "moth": -1.0}
    scales = np.array([1e-3, 1.0, 1e3, 0.1, 10.0, 0.0])
    X = np.array([[shift[c]] * d for c in y]) * scales + rng.normal(size=(n, d)) * scales
    X[:, 5] = 3.0
    X_test = rng.normal(size=(80, d)) * scales * 2
    X_test[:, 5] = 3.0
    X_test[:10, 5] = 3.5  # off the constant: only epsilon keeps the density finite
    for smoothing in ["1e-9", "1e-4", "0.3"]:
        check(f"random gaussian var_smoothing {smoothing}", g, work, "gaussian",
              GaussianNB(var_smoothing=float(smoothing)), ["--var-smoothing", smoothing],
              X, y, X_test)

    U = rng.uniform(size=(n, 20))
    Ut = rng.uniform(size=(50, 20))
    check("random bernoulli binarize 0.5 alpha 0.3", g, work, "bernoulli",
          BernoulliNB(binarize=0.5, alpha=0.3), ["--binarize", "0.5", "--alpha", "0.3"],
          U, y, Ut)
    check("random bernoulli binarize none uniform prior", g, work, "bernoulli",
          BernoulliNB(binarize=None, fit_prior=False), ["--binarize", "none", "--uniform-prior"],
          (U > 0.7).astype(float), y, (Ut > 0.7).astype(float))
    C = rng.poisson(3.0, size=(n, 20)).astype(float)
    Ct = rng.poisson(3.0, size=(50, 20)).astype(float)
    for alpha in ["0", "2.5"]:
        check(f"random multinomial alpha {alpha}", g, work, "multinomial",
              MultinomialNB(alpha=float(alpha)), ["--alpha", alpha], C, y, Ct)
    # Integer labels sort by value: 10 after 9, as numpy.unique sorts them.
    yi = rng.choice([2, 9, 10], size=n)
    check("random gaussian integer labels", g, work, "gaussian", GaussianNB(), [], X, yi, X_test,
          csv_too=True)


if __name__ == "__main__":
    main()
