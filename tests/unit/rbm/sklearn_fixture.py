#!/usr/bin/python3
"""Writes tests/data/rbm/sklearn_bernoulli_rbm.json: what scikit-learn's BernoulliRBM computes,
for tests/unit/rbm/rbm_sklearn_test.cpp to hold genlab's RBM to.

1. One epoch of BernoulliRBM._fit (PCD-1) from given weights and biases on 4 minibatches of 4
   binary images, with every uniform its RandomState drew recorded in order, so the C++ side
   can replay them and must land on the same weights.
2. For a fixed model and images: BernoulliRBM._free_energy, score_samples (one random pixel per
   image, V times its log-conditional) with the pixels it picked, and the exact pseudo-likelihood
   (every pixel) computed from _free_energy.

Run: /usr/bin/python3 tests/unit/rbm/sklearn_fixture.py (scikit-learn 1.2 from python3-sklearn).
"""
import json
import os

import numpy as np
from scipy.special import expit  # noqa: F401  (scikit-learn's own sigmoid)
from sklearn.neural_network import BernoulliRBM
from sklearn.utils.extmath import log_logistic

V, H, BATCH, BATCHES = 12, 5, 4, 4
data_rng = np.random.RandomState(2026)
X = (data_rng.uniform(size=(BATCH * BATCHES, V)) < 0.4).astype(np.float64)


class RecordingRng:
    """A RandomState that remembers every uniform array it hands out."""

    def __init__(self, seed):
        self.rng = np.random.RandomState(seed)
        self.draws = []

    def uniform(self, size=None):
        u = self.rng.uniform(size=size)
        self.draws.append(u.copy())
        return u


def fresh_model(seed):
    r = np.random.RandomState(seed)
    rbm = BernoulliRBM(n_components=H, learning_rate=0.1, batch_size=BATCH, n_iter=1)
    rbm.components_ = r.normal(0, 0.5, (H, V))  # large enough that every term matters
    rbm.intercept_hidden_ = r.normal(0, 0.5, H)
    rbm.intercept_visible_ = r.normal(0, 0.5, V)
    rbm.h_samples_ = np.zeros((BATCH, H))
    return rbm


def model_json(rbm):
    return {
        "weights": rbm.components_.T.tolist(),
        "visible_bias": rbm.intercept_visible_.tolist(),
        "hidden_bias": rbm.intercept_hidden_.tolist(),
    }


rbm = fresh_model(7)
initial = model_json(rbm)
rec = RecordingRng(11)
for b in range(BATCHES):
    rbm._fit(X[b * BATCH:(b + 1) * BATCH], rec)
after = model_json(rbm)

# Deterministic parts on a fixed model.
scored = fresh_model(13)
scored.random_state = 5
free_energy = scored._free_energy(X)
pixels = np.random.RandomState(5).randint(0, V, X.shape[0])  # what score_samples picks
score = scored.score_samples(X)
exact_pl = np.zeros(X.shape[0])
for i in range(V):
    flipped = X.copy()
    flipped[:, i] = 1 - flipped[:, i]
    exact_pl += log_logistic(scored._free_energy(flipped) - free_energy)

out = {
    "visible": V,
    "hidden": H,
    "batch": BATCH,
    "learning_rate": 0.1,
    "data": X.tolist(),
    "epoch": {
        "initial": initial,
        "uniforms": [u.tolist() for u in rec.draws],
        "after": after,
        "hidden_samples_after": rbm.h_samples_.tolist(),
    },
    "scoring": {
        "model": model_json(scored),
        "free_energy": free_energy.tolist(),
        "score_samples_pixels": pixels.tolist(),
        "score_samples": score.tolist(),
        "exact_pseudo_likelihood": exact_pl.tolist(),
    },
}
here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, "..", "..", "data", "rbm", "sklearn_bernoulli_rbm.json")
with open(path, "w") as f:
    json.dump(out, f)
    f.write("\n")
print("wrote", os.path.normpath(path))
