#!/usr/bin/env python3
"""scikit-learn's BernoulliRBM, the peer of bench/rbm_bench.cpp: times one epoch of fit (PCD-1,
batch 10, learning rate 0.1, its defaults) on binarised images, and writes the data and the
trained weights for genlab to score.

--dataset digits: the first 1500 of scikit-learn's 8x8 digits for training, the other 297 for
testing, pixel >= 8 (of 16) is 1; writes train.csv, test.csv and sklearn_model.json (genlab's
model JSON: weights [visible][hidden] = components_.T) into --work after --epochs epochs.
--dataset fashion: Fashion-MNIST's 60000 training images, pixel >= 128 is 1; times only.

Writes {"dataset", "hidden", "epoch_ms", "epoch_cpu_ms"} (wall and process CPU time, one per
repeat) to --out.
"""
import argparse
import gzip
import json
import time

import numpy as np
from sklearn.datasets import load_digits
from sklearn.neural_network import BernoulliRBM


def binary_digits():
    x = load_digits().data
    return (x >= 8).astype(np.float64)


def binary_fashion():
    path = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"
    with gzip.open(path) as f:
        x = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 784)
    return (x >= 128).astype(np.float64)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", choices=["digits", "fashion"], required=True)
    parser.add_argument("--hidden", type=int, required=True)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0, help="random_state of the first repeat")
    parser.add_argument("--work")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    x = binary_digits() if args.dataset == "digits" else binary_fashion()
    train = x[:1500] if args.dataset == "digits" else x
    times, cpu = [], []
    for r in range(args.repeats):
        rbm = BernoulliRBM(n_components=args.hidden, learning_rate=0.1, batch_size=10,
                           n_iter=args.epochs, random_state=args.seed + r)
        start, start_cpu = time.perf_counter(), time.process_time()
        rbm.fit(train)
        times.append(1e3 * (time.perf_counter() - start) / args.epochs)
        cpu.append(1e3 * (time.process_time() - start_cpu) / args.epochs)
    if args.work:
        np.savetxt(f"{args.work}/train.csv", train, fmt="%d", delimiter=",")
        np.savetxt(f"{args.work}/test.csv", x[1500:], fmt="%d", delimiter=",")
        with open(f"{args.work}/sklearn_model.json", "w") as f:
            json.dump({"weights": rbm.components_.T.tolist(),
                       "visible_bias": rbm.intercept_visible_.tolist(),
                       "hidden_bias": rbm.intercept_hidden_.tolist()}, f)
    with open(args.out, "w") as f:
        json.dump({"dataset": args.dataset, "hidden": args.hidden, "epoch_ms": times, "epoch_cpu_ms": cpu}, f)


if __name__ == "__main__":
    main()
