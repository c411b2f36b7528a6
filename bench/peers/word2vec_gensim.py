#!/usr/bin/env python3
"""gensim 4's Word2Vec on a corpus tokenised as genlab tokenises it; prints one JSON line with
the training time (model.train alone, as genlab's "training" figure: the vocabulary is built
before the clock starts) and the words trained per epoch (after min-count).

  word2vec_gensim.py CORPUS sg|cbow THREADS [DIM WINDOW NEGATIVE MIN_COUNT SAMPLE EPOCHS]"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "../../tests/integration/lib"))
import word2vec_text  # noqa: E402
from gensim.models import Word2Vec  # noqa: E402

corpus, arch, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
dim, window, negative, min_count, sample, epochs = (
    [int(a) for a in sys.argv[4:8]] + [float(sys.argv[8]), int(sys.argv[9])]
    if len(sys.argv) > 4 else [100, 5, 5, 5, 1e-3, 5])
sentences = word2vec_text.tokenise(corpus)
model = Word2Vec(vector_size=dim, window=window, negative=negative, hs=0, min_count=min_count,
                 sample=sample, sg=1 if arch == "sg" else 0, workers=threads, seed=1,
                 epochs=epochs)
model.build_vocab(sentences)
kept = int(sum(model.wv.get_vecattr(w, "count") for w in model.wv.index_to_key))
start = time.perf_counter()
model.train(sentences, total_examples=model.corpus_count, epochs=epochs)
seconds = time.perf_counter() - start
print(json.dumps({"arch": arch, "threads": threads, "seconds": seconds, "words": kept,
                  "epochs": epochs}))
