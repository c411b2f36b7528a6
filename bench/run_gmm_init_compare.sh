#!/usr/bin/env bash
# How good genlab's GMM starts are on real data, against scikit-learn's, from 20 seeds each:
# Iris (4-D, K = 3) and Wine (13-D, K = 3, as shipped), with each side's kmeans and k-means++
# starts, and each side's best of 10 kmeans starts. Prints, per side and start, the median and worst final log-likelihood per sample and
# how many seeds reached the best either side found; then the K that BIC picks on Wine for
# K = 1..6 from each of the first 5 seeds. This is fit quality, not speed.
#
#   bench/run_gmm_init_compare.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: run_gmm_init_compare.sh BUILD_DIR}
genlab="$build/app/genlab"
[ -x "$genlab" ] || { echo "run_gmm_init_compare.sh: $genlab not built" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OMP_NUM_THREADS=1

/usr/bin/python3 - "$genlab" "$work" <<'PY'
import json, subprocess, sys, warnings
import numpy as np
from sklearn import datasets
from sklearn.mixture import GaussianMixture

genlab, work = sys.argv[1], sys.argv[2]
SEEDS = range(20)
sets = {"iris": datasets.load_iris().data, "wine": datasets.load_wine().data}
for name, x in sets.items():
    np.savetxt(f"{work}/{name}.csv", x, delimiter=",", fmt="%.17g")

def ours(name, k, init, seed, extra=()):
    out = subprocess.run([genlab, "fit", "gmm", "--data", f"{work}/{name}.csv", "--k", k,
                          "--init", init, "--seed", str(seed), "--json", *extra],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)

def theirs(x, k, init, seed, n_init=1):
    gm = GaussianMixture(n_components=k, init_params=init, random_state=seed, n_init=n_init)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gm.fit(x)
    return gm

print("Final log-likelihood per sample from 20 seeds (tol 1e-3, max_iter 100 both sides)")
print("('reached best': within 1e-4 of the best either side found; 'x10': --n-init 10)")
print(f"{'data':<6}{'side':<14}{'start':<12}{'median':>10}{'worst':>10}{'reached best':>14}")
for name in ("iris", "wine"):
    x = sets[name]
    results = {}
    for init, sk_init in (("kmeans", "kmeans"), ("kmeans++", "k-means++")):
        results[("genlab", init)] = [ours(name, "3", init, s)["mean_log_likelihood"] for s in SEEDS]
        results[("scikit-learn", init)] = [theirs(x, 3, sk_init, s).score(x) for s in SEEDS]
    results[("genlab", "kmeans x10")] = [
        ours(name, "3", "kmeans", s, ["--n-init", "10"])["mean_log_likelihood"] for s in SEEDS]
    results[("scikit-learn", "kmeans x10")] = [
        theirs(x, 3, "kmeans", s, n_init=10).score(x) for s in SEEDS]
    best = max(max(v) for v in results.values())
    for (side, init), values in results.items():
        reached = sum(v >= best - 1e-4 for v in values)
        print(f"{name:<6}{side:<14}{init:<12}{np.median(values):>10.4f}{min(values):>10.4f}"
              f"{reached:>11} / {len(values)}")
    print(f"{name:<6}best either side: {best:.6f}")

print()
print("K picked by BIC on wine, K = 1..6 (kmeans start)")
for seed in range(5):
    ours_bic = [r["bic"] for r in ours("wine", "1:6", "kmeans", seed)]
    sk_bic = [theirs(sets["wine"], k, "kmeans", seed).bic(sets["wine"]) for k in range(1, 7)]
    print(f"seed {seed}: genlab K = {int(np.argmin(ours_bic)) + 1}, "
          f"scikit-learn K = {int(np.argmin(sk_bic)) + 1}")
PY
