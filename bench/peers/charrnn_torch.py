#!/usr/bin/python3
"""genlab's char-RNN (core/models/charrnn) written in Python with Debian's python3-torch, for
bench/run_charrnn_compare.sh: steps per second, printed as JSON.

The same corpus (core/models/charrnn/char_corpus.h): the fortune files of
/usr/share/games/fortunes in name order (.dat and .u8 skipped, "%" lines removed), or the texts
of /usr/share/common-licenses without them, cut to max_chars characters; the alphabet is
sorted(set(text)); the last 5% is held out. The same model and step: one-hot characters ->
nn.LSTM (or GRU, RNN) -> nn.Linear; the training text cut into `batch` streams read `bptt`
characters at a time with the hidden state carried and detached; cross-entropy, gradient norm
clipped to 5, Adam 2e-3.
"""
import argparse, json, os, time

import torch
import torch.nn as nn
import torch.nn.functional as F


def read_corpus(max_chars):
    folder, fortunes = "/usr/share/games/fortunes", True
    files = []
    if os.path.isdir(folder):
        files = sorted(os.path.join(folder, f) for f in os.listdir(folder)
                       if not f.endswith((".dat", ".u8")))
        files = [f for f in files if os.path.isfile(f) and not os.path.islink(f)]
    if not files:
        folder, fortunes = "/usr/share/common-licenses", False
        files = sorted(os.path.join(folder, f) for f in os.listdir(folder))
        files = [f for f in files if os.path.isfile(f) and not os.path.islink(f)]
    text = ""
    for f in files:
        raw = open(f, "rb").read().decode("utf-8")
        if fortunes:
            lines = raw.split("\n")
            raw = "\n".join(l for l in lines if l != "%")
        text += raw
        if len(text) >= max_chars:
            break
    return text[:max_chars]


class CharNet(nn.Module):
    def __init__(self, cell, vocab, hidden, layers):
        super().__init__()
        kind = {"lstm": nn.LSTM, "gru": nn.GRU, "rnn": nn.RNN}[cell]
        self.rnn = kind(vocab, hidden, layers)
        self.head = nn.Linear(hidden, vocab)
        self.vocab = vocab

    def forward(self, x, state):
        out, state = self.rnn(F.one_hot(x, self.vocab).float(), state)
        return self.head(out), state


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cell", default="lstm")
    p.add_argument("--layers", type=int, default=1)
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--bptt", type=int, default=100)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--max-chars", type=int, default=4000000)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    text = read_corpus(a.max_chars)
    alphabet = sorted(set(text))
    index = {c: i for i, c in enumerate(alphabet)}
    ids = torch.tensor([index[c] for c in text], dtype=torch.int64)
    held = round(0.05 * len(ids))
    train = ids[: len(ids) - held]
    length = len(train) // a.batch
    streams = train[: length * a.batch].view(a.batch, length).t().contiguous()  # [length, B]
    net = CharNet(a.cell, len(alphabet), a.hidden, a.layers)
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)

    def zero():
        h = torch.zeros(a.layers, a.batch, a.hidden)
        return (h, h.clone()) if a.cell == "lstm" else h

    state, pos = zero(), 0

    def step():
        nonlocal state, pos
        if pos + 1 >= length:
            pos, state = 0, zero()
        t = min(a.bptt, length - 1 - pos)
        x, y = streams[pos:pos + t], streams[pos + 1:pos + t + 1]
        pos += t
        state = tuple(s.detach() for s in state) if a.cell == "lstm" else state.detach()
        logits, state = net(x, state)
        loss = F.cross_entropy(logits.reshape(-1, len(alphabet)), y.reshape(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(net.parameters(), 5.0)
        opt.step()
        return loss.item() / 0.6931471805599453

    for _ in range(a.warmup):
        step()
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(a.steps):
        bits = step()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(json.dumps({"side": "python", "cell": a.cell, "threads": a.threads,
                      "vocab": len(alphabet), "train_chars": len(train), "steps": a.steps,
                      "seconds": seconds, "steps_per_s": a.steps / seconds,
                      "cpu_seconds": cpu, "steps_per_cpu_s": a.steps / cpu, "train_bits": bits}))


if __name__ == "__main__":
    main()
