#!/usr/bin/python3
"""The HMM benchmark's peer: the same operations with pomegranate 0.14.8.

Usage: /usr/bin/python3 bench/peers/hmm_pomegranate.py [--no-baum-welch] DIR [K ...]

Reads DIR/hmm_K<k>_model.json and DIR/hmm_K<k>_data.txt written by
`genlab_hmm_bench --export=DIR`, and prints one JSON object per K on stdout:
{"k", "forward_backward_ms", "baum_welch_ms", "viterbi_ms", "loglik", "loglik_after_bw",
 "viterbi_logprob"}. --no-baum-welch leaves out the Baum-Welch iteration and its two keys
(at K = 64 it takes about half a minute).

Same likelihood as genlab: the model is built with from_matrix and *no* end probabilities,
so pomegranate has no explicit end state and log P(x) sums over every state at the last
step, exactly as genlab's forward pass does. Its silent start state carries `start`.
One Baum-Welch iteration is timed as summarize() + from_summaries(), which is one E-step
and one M-step; fit(max_iterations=1) would run an extra E-step to report the improvement.
Times are CPU time of this process (time.process_time), best of a few runs.
"""

import json
import sys
import time

import numpy
from pomegranate import HiddenMarkovModel, NormalDistribution


def build(model):
    assert model["emission"] == "gaussian"
    means = numpy.array(model["means"])[:, 0]
    stds = numpy.sqrt(numpy.array(model["variances"])[:, 0])
    dists = [NormalDistribution(float(m), float(s)) for m, s in zip(means, stds)]
    return HiddenMarkovModel.from_matrix(numpy.array(model["transition"]), dists,
                                         numpy.array(model["start"]), merge="None")


def best_ms(fn, repeats):
    best = float("inf")
    result = None
    for _ in range(repeats):
        t0 = time.process_time()
        result = fn()
        best = min(best, (time.process_time() - t0) * 1e3)
    return best, result


def run(directory, k, baum_welch):
    stem = f"{directory}/hmm_K{k}"
    with open(stem + "_model.json") as f:
        model_json = json.load(f)
    data = numpy.loadtxt(stem + "_data.txt")
    repeats = 3 if k <= 16 else 1

    hmm = build(model_json)
    loglik = hmm.log_probability(data)
    fb_ms, _ = best_ms(lambda: hmm.forward_backward(data), repeats)
    vit_ms, vit = best_ms(lambda: hmm.viterbi(data), repeats)

    result = {"k": k, "forward_backward_ms": fb_ms, "viterbi_ms": vit_ms, "loglik": loglik,
              "viterbi_logprob": vit[0]}
    if not baum_welch:
        return result

    def one_iteration():
        fresh = build(model_json)
        t0 = time.process_time()
        fresh.summarize([data], algorithm="baum-welch")
        fresh.from_summaries()
        return (time.process_time() - t0) * 1e3, fresh

    bw_ms, updated = min((one_iteration() for _ in range(repeats)), key=lambda r: r[0])
    result.update(baum_welch_ms=bw_ms, loglik_after_bw=updated.log_probability(data))
    return result


def main():
    args = sys.argv[1:]
    baum_welch = "--no-baum-welch" not in args
    args = [a for a in args if a != "--no-baum-welch"]
    directory = args[0]
    ks = [int(a) for a in args[1:]] or [4, 16, 64]
    for k in ks:
        print(json.dumps(run(directory, k, baum_welch)), flush=True)


if __name__ == "__main__":
    main()
